using System;
using VaeProcgen.Contract;
using VaeProcgen.Trainer.Models;

namespace VaeProcgen.Trainer.Training
{
    /// <summary>Hyper-parameters of one training run. Property defaults are the plain baseline (Adam, no averaging); the command line applies the measured sprite defaults (the Sprite* constants).</summary>
    public sealed class TrainingOptions
    {
        /// <summary>Command-line default of <see cref="WeightDecay"/> for palette sprites and `--objective likelihood` (measured: see README, Quality); RGBA sprites and tiles: 0.</summary>
        public const double LikelihoodWeightDecay = 0.2;
        /// <summary>Command-line default of <see cref="Epochs"/> for `--objective likelihood` (measured: see README, Quality).</summary>
        public const int LikelihoodEpochs = 100;
        /// <summary>Command-line default of <see cref="GradientClipNorm"/> (measured: see README, Quality).</summary>
        public const double DefaultGradientClipNorm = 0;
        /// <summary>Sprite default of <see cref="EmaDecay"/>.</summary>
        public const double SpriteEmaDecay = 0.998;
        /// <summary>Sprite default of <see cref="FinalLearningRateFraction"/>.</summary>
        public const double SpriteFinalLearningRateFraction = 0.3;

        /// <summary>Passes over the training set.</summary>
        public int Epochs { get; set; } = 40;
        /// <summary>Items per Adam step.</summary>
        public int BatchSize { get; set; } = 32;
        /// <summary>Adam learning rate at the start (decays on a cosine to <see cref="FinalLearningRateFraction"/> of it by the last epoch).</summary>
        public double LearningRate { get; set; } = 2e-3;
        /// <summary>Where the cosine learning-rate decay ends, as a fraction of <see cref="LearningRate"/>.</summary>
        public double FinalLearningRateFraction { get; set; } = 0.05;
        /// <summary>Decoupled weight decay (AdamW); 0 = plain Adam.</summary>
        public double WeightDecay { get; set; }
        /// <summary>Weight of the KL term after warm-up (1 = the true ELBO).</summary>
        public double Beta { get; set; } = 1.0;
        /// <summary>Adam steps over which the KL weight rises linearly from 0 to <see cref="Beta"/>.</summary>
        public int WarmupSteps { get; set; } = 500;
        /// <summary>Free bits: minimum nats per latent dimension (batch-averaged) below which KL is not penalised; 0 = off.</summary>
        public double FreeBits { get; set; }
        /// <summary>Reconstruction likelihood.</summary>
        public Likelihood Likelihood { get; set; } = Likelihood.Bernoulli;
        /// <summary>
        /// Sprites with the categorical likelihood: opaque palette colours the training sprites are reduced to (the model
        /// has one more channel, transparency). 0 for RGBA models.
        /// </summary>
        public int PaletteColours { get; set; }
        /// <summary>
        /// Local latent channels of sprite models trained from the command line (a two-level model: about twice the sample
        /// colourfulness of one level on two seeds, see README Quality); tile models and the API default keep one level.
        /// </summary>
        public const int SpriteLocalLatentChannels = 4;
        /// <summary>Channels of the local latent map of a two-level model (see VaeArchitecture.LocalLatentChannels); 0 = one level.</summary>
        public int LocalLatentChannels { get; set; }
        /// <summary>
        /// Local latent cell of RGBA sprite models trained from the command line: 2 x 2 pixels (crisper, more detailed samples
        /// than 4 x 4 with the small preset and the local-contrast term; with the eighth session's discriminator it diverged
        /// on an untuned sheet: README Quality, eighth and fourteenth sessions). Palette sprites keep 4 x 4.
        /// </summary>
        public const int SpriteLocalLatentCell = VaeArchitecture.HalfResolutionCell;
        /// <summary>
        /// Side in pixels of a local latent cell (see VaeArchitecture.LocalLatentCell); runs recorded before it existed had
        /// 4 x 4 cells, hence the default.
        /// </summary>
        public int LocalLatentCell { get; set; } = VaeArchitecture.QuarterResolutionCell;
        /// <summary>Standard deviation of the Gaussian likelihood (only for <see cref="Likelihood.Gaussian"/>).</summary>
        public double GaussianSigma { get; set; } = 0.1;
        /// <summary>Random horizontal flips of training items (sprites only).</summary>
        public bool FlipAugment { get; set; } = true;
        /// <summary>Decay of the exponential moving average of the weights that is evaluated and exported (0 = off).</summary>
        public double EmaDecay { get; set; }
        /// <summary>Gradients whose joint L2 norm exceeds this are scaled down to it before the step; 0 = no clipping.</summary>
        public double GradientClipNorm { get; set; }
        /// <summary>
        /// Weight of the adversarial term (0 = off): a <see cref="PatchDiscriminator"/> learns to tell training sprites from
        /// decoded ones, and the decoder is also trained to fool it, scaled per step so that the term's gradient at the
        /// output layer is this fraction of the reconstruction term's.
        /// </summary>
        public double AdversarialWeight { get; set; }
        /// <summary>Epoch (0-based) from which the adversarial and feature-matching terms are on (the discriminator trains from the start).</summary>
        public int AdversarialStartEpoch { get; set; }
        /// <summary>
        /// Weight of the feature-matching term (0 = off): the <see cref="PatchDiscriminator"/>'s activations on each decoded
        /// sprite are pulled towards its activations on the training sprite it reconstructs (relative mean absolute
        /// difference over its layers), scaled per step like <see cref="AdversarialWeight"/> and on from
        /// <see cref="AdversarialStartEpoch"/>. Where the adversarial term asks for a texture that looks real, this one asks
        /// each reconstruction for its own sprite's texture.
        /// </summary>
        public double FeatureMatchingWeight { get; set; }
        /// <summary>
        /// Weight of the local-contrast term of RGBA sprite training (0 = off; <see cref="VaeLoss.LocalContrastMismatch"/>):
        /// each reconstruction is asked for its sprite's amount of detail in every <see cref="VaeLoss.LocalContrastWindow"/>-square window, scaled per step like
        /// <see cref="AdversarialWeight"/> and on from the first step. It needs no discriminator.
        /// </summary>
        public double LocalContrastWeight { get; set; }
        /// <summary>
        /// Command-line default model preset for RGBA sprites (palette sprites and tiles have their own): samples within a few
        /// hundredths of the base preset's figures on the demo split and the untuned sheet, at half its training time and
        /// a quarter of its decoder cost (measured: see README, Quality).
        /// </summary>
        public static readonly string SpritePreset = VaePreset.Small.Name;
        /// <summary>Command-line default of <see cref="LocalContrastWeight"/> for RGBA sprites (measured: see README, Quality).</summary>
        public const double SpriteLocalContrastWeight = 0.3;
        /// <summary>Command-line default of <see cref="FeatureMatchingWeight"/> for RGBA sprites (measured: see README, Quality).</summary>
        public const double SpriteFeatureMatchingWeight = 0.15;
        /// <summary>
        /// Command-line default of <see cref="AdversarialWeight"/> for RGBA sprites: off, because the local-contrast term
        /// sharpens as much without a discriminator, in about two thirds of the training time (measured: see README, Quality).
        /// </summary>
        public const double SpriteAdversarialWeight = 0;
        /// <summary>
        /// Command-line default of <see cref="AdversarialStartEpoch"/>: half the run, at least the second epoch. The decoder
        /// first learns shapes and, with the colour term, hues; switched on earlier, the adversarial term collapses the
        /// hues to orange and blue (measured: see README, Quality).
        /// </summary>
        public static int DefaultAdversarialStart(int epochs) => Math.Max(1, epochs / 2);
        /// <summary>
        /// Weight of the colour term of RGBA sprite training (0 = off): the squared error of the decoded colours' opponent
        /// channels (R - G and (R + G) / 2 - B) over the sprite's visible pixels, added to the reconstruction term. The
        /// Bernoulli likelihood barely tells a dark green from a dark grey (about 0.1 nats per pixel), so without it the
        /// latent keeps shapes and drops hues (<see cref="VaeLoss.ColourError"/>).
        /// </summary>
        public double ColourWeight { get; set; }
        /// <summary>Command-line default of <see cref="ColourWeight"/> for RGBA sprites (measured: see README, Quality).</summary>
        public const double SpriteColourWeight = 50;
        /// <summary>Command-line default of <see cref="Upsampling"/> for RGBA sprites (no checkerboard; measured: see README, Quality).</summary>
        public const Models.DecoderUpsampling SpriteUpsampling = Models.DecoderUpsampling.Resize;
        /// <summary>How the decoder doubles its resolution (the property default keeps the checkpoints of 0.1 loadable).</summary>
        public Models.DecoderUpsampling Upsampling { get; set; } = Models.DecoderUpsampling.Transposed;
        /// <summary>Seed of every random choice (init, shuffling, noise) and of the train/held-out split.</summary>
        public long Seed { get; set; } = 1;
        /// <summary>Fraction of the data held out for the held-out -ELBO (0 in checkpoints written before it was recorded: unknown).</summary>
        public double TestFraction { get; set; }
    }
}
