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
    /// Two-level models (<see cref="VaeArchitecture.HasLocalLatent"/>) add a local latent map after the first transposed
    /// convolution: a 3x3 prior head on the decoder features gives its mean and log-variance, z2 = mean + sigma * e with e
    /// taken from the latent input, and a 1x1 projection of z2 is added to the features. The encoder's posterior over e is a
    /// 3x3 head on its own features at that resolution concatenated with the decoder features of the global posterior mean.
    /// Not thread-safe (TorchSharp modules are not).
    /// </summary>
    public sealed class ConvVae : nn.Module
    {
        /// <summary>LeakyReLU slope of the encoder.</summary>
        public const double EncoderSlope = 0.2;
        /// <summary>
        /// Two-level models: the local prior's and posterior's log-variances are soft-bounded to (-bound, bound) as
        /// bound * tanh(raw / bound), so one large activation cannot blow z2 up (unbounded, training diverged in epoch 2).
        /// </summary>
        public const float LocalLogVarianceBound = 5f;

        private readonly ModuleList<Conv2d> encoderConvs;
        private readonly Linear meanHead;
        private readonly Linear logVarianceHead;
        private readonly Linear decoderDense;
        private readonly ModuleList<ConvTranspose2d> decoderDeconvs;
        private readonly Conv2d outputConv;
        private readonly Conv2d? paletteEmbedding;
        private readonly Conv2d? localPriorHead;
        private readonly Conv2d? localPosteriorHead;
        private readonly Conv2d? localProjection;

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
            meanHead = nn.Linear(features, architecture.GlobalLatentSize);
            logVarianceHead = nn.Linear(features, architecture.GlobalLatentSize);

            decoderDense = nn.Linear(architecture.GlobalLatentSize + architecture.LabelCount, architecture.InnerSize);
            int[] d = { c[3], c[2], c[1], architecture.Preset.RefineChannels };
            decoderDeconvs = new ModuleList<ConvTranspose2d>();
            for (int i = 0; i < 3; i++)
            {
                decoderDeconvs.Add(nn.ConvTranspose2d(d[i], d[i + 1], 4, stride: 2, padding: 1));
            }
            if (architecture.HasLocalLatent)
            {
                int local = architecture.LocalLatentChannels;
                localPriorHead = nn.Conv2d(d[1], 2 * local, 3, padding: 1);
                localPosteriorHead = nn.Conv2d(c[2] + d[1], 2 * local, 3, padding: 1);
                localProjection = nn.Conv2d(local, d[1], 1);
                using var noGrad = no_grad();
                localPriorHead.weight!.mul_(0.1);
                localPosteriorHead.weight!.mul_(0.1);
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
        /// <summary>Two-level models: the decoder's 3x3 head giving the local prior's mean and log-variance (null otherwise).</summary>
        public Conv2d? LocalPriorHead => localPriorHead;
        /// <summary>Two-level models: the encoder's 3x3 head giving the posterior over the local noise (null otherwise).</summary>
        public Conv2d? LocalPosteriorHead => localPosteriorHead;
        /// <summary>Two-level models: the 1x1 projection of z2 added to the decoder features (null otherwise).</summary>
        public Conv2d? LocalProjection => localProjection;

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
            Tensor? localFeatures = null;
            for (int i = 0; i < encoderConvs.Count; i++)
            {
                h = nn.functional.leaky_relu(encoderConvs[i].call(h), EncoderSlope);
                if (i == 1) localFeatures = h;
            }
            h = h.flatten(1);
            if (Architecture.IsConditional)
            {
                h = cat(new[] { h, RequireLabels(labels) }, 1);
            }
            Tensor mean = meanHead.call(h);
            Tensor logVariance = logVarianceHead.call(h);
            if (localPosteriorHead is not null)
            {
                Tensor posterior = TapConvolution.Forward(cat(new[] { localFeatures!, TopDown(mean, labels) }, 1), localPosteriorHead.weight!, localPosteriorHead.bias);
                int local = Architecture.LocalLatentChannels;
                mean = cat(new[] { mean, posterior.narrow(1, 0, local).flatten(1) }, 1);
                logVariance = cat(new[] { logVariance, BoundLogVariance(posterior.narrow(1, local, local)).flatten(1) }, 1);
            }
            return (mean.MoveToOuterDisposeScope(), logVariance.MoveToOuterDisposeScope());
        }

        /// <summary>Decoder logits [N,C,H,W] for latents [N,K] (and one-hot labels for conditional models).</summary>
        public Tensor DecodeLogits(Tensor z, Tensor? labels = null)
        {
            using var scope = NewDisposeScope();
            VaeArchitecture arch = Architecture;
            Tensor h = TopDown(z.narrow(1, 0, arch.GlobalLatentSize), labels);
            if (localPriorHead is not null)
            {
                int local = arch.LocalLatentChannels;
                Tensor noise = z.narrow(1, arch.GlobalLatentSize, arch.LatentSize - arch.GlobalLatentSize).reshape(-1, local, arch.LocalHeight, arch.LocalWidth);
                Tensor prior = TapConvolution.Forward(h, localPriorHead.weight!, localPriorHead.bias);
                Tensor localLatent = prior.narrow(1, 0, local) + (BoundLogVariance(prior.narrow(1, local, local)) * 0.5).exp() * noise;
                h = nn.functional.relu(h + TapConvolution.Forward(localLatent, localProjection!.weight!, localProjection.bias));
            }
            for (int i = 1; i < decoderDeconvs.Count; i++)
            {
                h = nn.functional.relu(decoderDeconvs[i].call(h));
            }
            h = TapConvolution.Forward(h, outputConv.weight!, outputConv.bias);
            VaeShape shape = Architecture.Shape;
            if (shape.NeedsPadding)
            {
                h = h[.., .., ..shape.Height, ..shape.Width];
            }
            return h.MoveToOuterDisposeScope();
        }

        private static Tensor BoundLogVariance(Tensor raw) => (raw / LocalLogVarianceBound).tanh() * LocalLogVarianceBound;

        /// <summary>The decoder's features after its first transposed convolution, for a global latent [N, K1].</summary>
        private Tensor TopDown(Tensor globalLatent, Tensor? labels)
        {
            Tensor input = Architecture.IsConditional ? cat(new[] { globalLatent, RequireLabels(labels) }, 1) : globalLatent;
            Tensor h = nn.functional.relu(decoderDense.call(input));
            h = h.view(-1, Architecture.InnerChannels, Architecture.InnerHeight, Architecture.InnerWidth);
            return nn.functional.relu(decoderDeconvs[0].call(h));
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
