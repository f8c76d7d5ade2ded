using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VaeProcgen.Trainer.Models
{
    /// <summary>
    /// Convolutional VAE. Encoder: three 4x4 stride-2 convolutions with LeakyReLU(0.2), flatten, two dense
    /// heads for the posterior mean and log-variance (palette sprite models first embed their one-hot input with a
    /// 1x1 convolution). Decoder: dense to the innermost map, ReLU, three
    /// 4x4 stride-2 transposed convolutions with ReLU, a 3x3 (palette sprites: 1x1) output convolution giving logits (computed as a
    /// <see cref="TapConvolution"/>: libtorch's own convolution kernel returns NaN gradients for it on some CPUs).
    /// Data whose size is not a multiple of 8 is zero-padded at the bottom/right on the way in and cropped on
    /// the way out. Conditional models concatenate a one-hot label to the flattened features and to z.
    /// Not thread-safe (TorchSharp modules are not).
    /// </summary>
    public sealed class ConvVae : nn.Module
    {
        /// <summary>LeakyReLU slope of the encoder.</summary>
        public const double EncoderSlope = 0.2;

        private readonly ModuleList<Conv2d> encoderConvs;
        private readonly Linear meanHead;
        private readonly Linear logVarianceHead;
        private readonly Linear decoderDense;
        private readonly ModuleList<ConvTranspose2d> decoderDeconvs;
        private readonly Conv2d outputConv;
        private readonly Conv2d? paletteEmbedding;

        /// <summary>Builds a freshly initialised model (TorchSharp's default init, driven by torch.manual_seed).</summary>
        public ConvVae(VaeArchitecture architecture) : base("ConvVae")
        {
            Architecture = architecture;
            int[] c = { architecture.EncoderInputChannels, architecture.Preset.StageChannels[0], architecture.Preset.StageChannels[1], architecture.Preset.StageChannels[2] };
            if (architecture.PaletteSprite)
            {
                paletteEmbedding = nn.Conv2d(architecture.Shape.Channels, architecture.EncoderInputChannels, 1);
            }
            encoderConvs = new ModuleList<Conv2d>();
            for (int i = 0; i < 3; i++)
            {
                encoderConvs.Add(nn.Conv2d(c[i], c[i + 1], 4, stride: 2, padding: 1));
            }
            int features = architecture.InnerSize + architecture.LabelCount;
            meanHead = nn.Linear(features, architecture.LatentSize);
            logVarianceHead = nn.Linear(features, architecture.LatentSize);

            decoderDense = nn.Linear(architecture.LatentSize + architecture.LabelCount, architecture.InnerSize);
            int[] d = { c[3], c[2], c[1], architecture.Preset.RefineChannels };
            decoderDeconvs = new ModuleList<ConvTranspose2d>();
            for (int i = 0; i < 3; i++)
            {
                decoderDeconvs.Add(nn.ConvTranspose2d(d[i], d[i + 1], 4, stride: 2, padding: 1));
            }
            outputConv = nn.Conv2d(architecture.Preset.RefineChannels, architecture.Shape.Channels, architecture.OutputKernel, padding: architecture.OutputKernel / 2);
            RegisterComponents();
        }

        /// <summary>What this model is.</summary>
        public VaeArchitecture Architecture { get; }

        /// <summary>The 1x1 embedding of a palette sprite model's one-hot input (null for other models).</summary>
        public Conv2d? PaletteEmbedding => paletteEmbedding;
        /// <summary>Encoder convolutions, in order.</summary>
        public ModuleList<Conv2d> EncoderConvs => encoderConvs;
        /// <summary>Dense head producing the posterior mean.</summary>
        public Linear MeanHead => meanHead;
        /// <summary>Dense head producing the posterior log-variance.</summary>
        public Linear LogVarianceHead => logVarianceHead;
        /// <summary>First decoder layer.</summary>
        public Linear DecoderDense => decoderDense;
        /// <summary>Decoder transposed convolutions, in order.</summary>
        public ModuleList<ConvTranspose2d> DecoderDeconvs => decoderDeconvs;
        /// <summary>Final decoder convolution (logits).</summary>
        public Conv2d OutputConv => outputConv;

        /// <summary>Posterior parameters for data [N,C,H,W] (and one-hot labels [N,L] for conditional models).</summary>
        public (Tensor Mean, Tensor LogVariance) Encode(Tensor x, Tensor? labels = null)
        {
            using var scope = NewDisposeScope();
            VaeShape shape = Architecture.Shape;
            Tensor h = paletteEmbedding is null ? x : TapConvolution.Forward(x, paletteEmbedding.weight!, paletteEmbedding.bias);
            if (shape.NeedsPadding)
            {
                h = nn.functional.pad(h, new long[] { 0, shape.PaddedWidth - shape.Width, 0, shape.PaddedHeight - shape.Height });
            }
            foreach (Conv2d conv in encoderConvs)
            {
                h = nn.functional.leaky_relu(conv.call(h), EncoderSlope);
            }
            h = h.flatten(1);
            if (Architecture.IsConditional)
            {
                h = cat(new[] { h, RequireLabels(labels) }, 1);
            }
            Tensor mean = meanHead.call(h);
            Tensor logVariance = logVarianceHead.call(h);
            return (mean.MoveToOuterDisposeScope(), logVariance.MoveToOuterDisposeScope());
        }

        /// <summary>Decoder logits [N,C,H,W] for latents [N,K] (and one-hot labels for conditional models).</summary>
        public Tensor DecodeLogits(Tensor z, Tensor? labels = null)
        {
            using var scope = NewDisposeScope();
            Tensor input = Architecture.IsConditional ? cat(new[] { z, RequireLabels(labels) }, 1) : z;
            Tensor h = nn.functional.relu(decoderDense.call(input));
            h = h.view(-1, Architecture.InnerChannels, Architecture.InnerHeight, Architecture.InnerWidth);
            foreach (ConvTranspose2d deconv in decoderDeconvs)
            {
                h = nn.functional.relu(deconv.call(h));
            }
            h = TapConvolution.Forward(h, outputConv.weight!, outputConv.bias);
            VaeShape shape = Architecture.Shape;
            if (shape.NeedsPadding)
            {
                h = h[.., .., ..shape.Height, ..shape.Width];
            }
            return h.MoveToOuterDisposeScope();
        }

        /// <summary>Trainable parameter count.</summary>
        public long ParameterCount
        {
            get
            {
                long count = 0;
                foreach (var p in parameters()) count += p.numel();
                return count;
            }
        }

        private Tensor RequireLabels(Tensor? labels)
        {
            if (labels is null)
            {
                throw new ArgumentException("This is a conditional model: pass one-hot labels.", nameof(labels));
            }
            return labels;
        }
    }
}
