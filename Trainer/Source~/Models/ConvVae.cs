using System;
using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VaeProcgen.Trainer.Models
{
    /// <summary>
    /// Convolutional VAE. Encoder: three 4x4 stride-2 convolutions with LeakyReLU(0.2), flatten, two dense
    /// heads for the posterior mean and log-variance (palette sprite models first embed their one-hot input with a
    /// 1x1 convolution). Decoder: dense to the innermost map, ReLU, three
    /// 4x4 stride-2 transposed convolutions with ReLU (free, or tied to a nearest-neighbour resize and 3x3 convolution: <see cref="DecoderUpsampling"/>), a 3x3 (palette sprites: 1x1) output convolution giving logits (computed as a
    /// <see cref="TapConvolution"/>: libtorch's own convolution kernel returns NaN gradients for it on some CPUs).
    /// Data whose size is not a multiple of 8 is zero-padded at the bottom/right on the way in and cropped on
    /// the way out. Conditional models concatenate a one-hot label to the flattened features and to z.
    /// Two-level models (<see cref="VaeArchitecture.HasLocalLatent"/>) add a local latent map after the first or second
    /// transposed convolution (<see cref="VaeArchitecture.LocalLatentCell"/>): a 3x3 prior head on the decoder features gives
    /// its mean and log-variance, z2 = mean + sigma * e with e taken from the latent input, and a 1x1 projection of z2 is
    /// added to the features. The encoder's posterior over e is a
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
        private readonly ModuleList<ConvTranspose2d>? decoderDeconvs;
        private readonly ModuleList<Conv2d>? decoderResizeConvs;
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
            if (architecture.Upsampling == DecoderUpsampling.Resize)
            {
                decoderResizeConvs = new ModuleList<Conv2d>();
                for (int i = 0; i < 3; i++) decoderResizeConvs.Add(nn.Conv2d(d[i], d[i + 1], 3, padding: 1));
            }
            else
            {
                decoderDeconvs = new ModuleList<ConvTranspose2d>();
                for (int i = 0; i < 3; i++) decoderDeconvs.Add(nn.ConvTranspose2d(d[i], d[i + 1], 4, stride: 2, padding: 1));
            }
            if (architecture.HasLocalLatent)
            {
                int local = architecture.LocalLatentChannels;
                int decoderFeatures = d[architecture.LocalStage + 1], encoderFeatures = c[2 - architecture.LocalStage];
                localPriorHead = nn.Conv2d(decoderFeatures, 2 * local, 3, padding: 1);
                localPosteriorHead = nn.Conv2d(encoderFeatures + decoderFeatures, 2 * local, 3, padding: 1);
                localProjection = nn.Conv2d(local, decoderFeatures, 1);
                using var noGrad = no_grad();
                localPriorHead.weight!.mul_(0.1);
                localPosteriorHead.weight!.mul_(0.1);
            }
            outputConv = nn.Conv2d(architecture.Preset.RefineChannels, architecture.Shape.Channels, architecture.OutputKernel, padding: architecture.OutputKernel / 2);
            RegisterComponents();
        }

        /// <summary>What this model is.</summary>
        public VaeArchitecture Architecture { get; }

        /// <summary>Final decoder convolution (logits).</summary>
        public Conv2d OutputConv => outputConv;
        /// <summary>Two-level models: the decoder's 3x3 head giving the local prior's mean and log-variance (null otherwise).</summary>
        public Conv2d? LocalPriorHead => localPriorHead;
        /// <summary>Two-level models: the encoder's 3x3 head giving the posterior over the local noise (null otherwise).</summary>
        public Conv2d? LocalPosteriorHead => localPosteriorHead;

        /// <summary>Posterior parameters for data [N,C,H,W] (and one-hot labels [N,L] for conditional models).</summary>
        public (Tensor Mean, Tensor LogVariance) Encode(Tensor x, Tensor? labels = null)
        {
            using var scope = NewDisposeScope();
            var (mean, logVariance) = Encoder(TorchLayerOps.Instance, x, Architecture.IsConditional ? RequireLabels(labels) : null!);
            return (mean.MoveToOuterDisposeScope(), logVariance.MoveToOuterDisposeScope());
        }

        /// <summary>Decoder logits [N,C,H,W] for latents [N,K] (and one-hot labels for conditional models).</summary>
        public Tensor DecodeLogits(Tensor z, Tensor? labels = null)
        {
            using var scope = NewDisposeScope();
            return DecoderLogits(TorchLayerOps.Instance, z, Architecture.IsConditional ? RequireLabels(labels) : null!).MoveToOuterDisposeScope();
        }

        /// <summary>The encoder network: data (and labels, ignored by unconditional models) to the posterior's mean and log-variance.</summary>
        internal (T Mean, T LogVariance) Encoder<T>(ILayerOps<T> ops, T x, T labels)
        {
            VaeArchitecture arch = Architecture;
            VaeShape shape = arch.Shape;
            T h = paletteEmbedding is null ? x : ops.Conv(x, paletteEmbedding, "encoder.palette_embedding");
            T localFeatures = h;
            for (int i = 0; i < encoderConvs.Count; i++)
            {
                long extraBottom = i == 0 ? shape.PaddedHeight - shape.Height : 0;
                long extraRight = i == 0 ? shape.PaddedWidth - shape.Width : 0;
                h = ops.LeakyRelu(ops.DownConv(h, encoderConvs[i], "encoder.conv" + i.ToString(CultureInfo.InvariantCulture), extraBottom, extraRight), EncoderSlope);
                if (i == 1 - arch.LocalStage) localFeatures = h;
            }
            h = ops.Flatten(h);
            if (arch.IsConditional) h = ops.Concat(h, labels);
            T mean = ops.Dense(h, meanHead, "encoder.mu");
            T logVariance = ops.Dense(h, logVarianceHead, "encoder.logvar");
            if (localPosteriorHead is not null)
            {
                int local = arch.LocalLatentChannels;
                T posterior = ops.Conv(ops.Concat(localFeatures, TopDown(ops, mean, labels)), localPosteriorHead, "encoder.local_posterior");
                mean = ops.Concat(mean, ops.Flatten(ops.Narrow(posterior, 0, local, "encoder.local_mean")));
                logVariance = ops.Concat(logVariance, ops.Flatten(BoundLogVariance(ops, ops.Narrow(posterior, local, local, "encoder.local_logvar"), "encoder")));
            }
            return (mean, logVariance);
        }

        /// <summary>The decoder network: latents (and labels, ignored by unconditional models) to logits.</summary>
        internal T DecoderLogits<T>(ILayerOps<T> ops, T z, T labels)
        {
            VaeArchitecture arch = Architecture;
            T h = TopDown(ops, arch.HasLocalLatent ? ops.Narrow(z, 0, arch.GlobalLatentSize, "decoder.global") : z, labels);
            if (localPriorHead is not null)
            {
                int local = arch.LocalLatentChannels;
                T noise = ops.Reshape(ops.Narrow(z, arch.GlobalLatentSize, arch.LatentSize - arch.GlobalLatentSize, "decoder.local_noise"),
                    local, arch.LocalHeight, arch.LocalWidth, "decoder.local_shape");
                T prior = ops.Conv(h, localPriorHead, "decoder.local_prior");
                T logVariance = BoundLogVariance(ops, ops.Narrow(prior, local, local, "decoder.local_prior_logvar"), "decoder");
                T sigma = ops.Exp(ops.Scale(logVariance, 0.5f, "decoder.half"));
                T localLatent = ops.Add(ops.Narrow(prior, 0, local, "decoder.local_prior_mean"), ops.Multiply(sigma, noise));
                h = ops.Relu(ops.Add(h, ops.Conv(localLatent, localProjection!, "decoder.local_projection")));
            }
            for (int stage = TopDownStages; stage < 3; stage++) h = ops.Relu(UpStage(ops, h, stage));
            h = ops.Conv(h, outputConv, "decoder.output");
            return arch.Shape.NeedsPadding ? ops.Crop(h, arch.Shape.Height, arch.Shape.Width) : h;
        }

        /// <summary>bound * tanh(raw / bound): see <see cref="LocalLogVarianceBound"/>.</summary>
        private static T BoundLogVariance<T>(ILayerOps<T> ops, T raw, string name) =>
            ops.Scale(ops.Tanh(ops.Scale(raw, 1f / LocalLogVarianceBound, name + ".logvar_bound_inverse")), LocalLogVarianceBound, name + ".logvar_bound");

        /// <summary>Upsampling stages the decoder runs on the global latent alone: up to the local latent's resolution (one-level models: one).</summary>
        private int TopDownStages => Architecture.HasLocalLatent ? Architecture.LocalStage + 1 : 1;

        /// <summary>The decoder's first <see cref="TopDownStages"/> upsampling stages (features at the local latent's resolution), for a global latent [N, K1].</summary>
        private T TopDown<T>(ILayerOps<T> ops, T globalLatent, T labels)
        {
            VaeArchitecture arch = Architecture;
            T input = arch.IsConditional ? ops.Concat(globalLatent, labels) : globalLatent;
            T h = ops.Relu(ops.Dense(input, decoderDense, "decoder.dense"));
            h = ops.Reshape(h, arch.InnerChannels, arch.InnerHeight, arch.InnerWidth, "decoder.inner_shape");
            for (int stage = 0; stage < TopDownStages; stage++) h = ops.Relu(UpStage(ops, h, stage));
            return h;
        }

        /// <summary>The decoder's upsampling stage 0, 1 or 2 (see <see cref="DecoderUpsampling"/>).</summary>
        private T UpStage<T>(ILayerOps<T> ops, T h, int stage)
        {
            string name = "decoder.deconv" + stage.ToString(CultureInfo.InvariantCulture);
            if (decoderDeconvs is not null) return ops.UpConv(h, decoderDeconvs[stage].weight!, decoderDeconvs[stage].bias!, name);
            Conv2d conv = decoderResizeConvs![stage];
            using Tensor kernel = ResizeConvolution.TransposedKernel(conv.weight!);
            return ops.UpConv(h, kernel, conv.bias!, name);
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
