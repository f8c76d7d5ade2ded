using System;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using VaeProcgen.Contract;
using VaeProcgen.Generation.Tiles;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Trainer.Imaging;
using VaeProcgen.Trainer.Models;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>The model and hyper-parameter options of `train` and `demo`.</summary>
    internal sealed class TrainingSettingsOptions
    {
        private readonly Option<int> epochs;
        private readonly Option<int> latent = new Option<int>("--latent") { Description = "Latent size K.", DefaultValueFactory = _ => 32 };
        private readonly Option<string> preset = new Option<string>("--preset") { Description = $"Model size: tiny, small or base (default: {TrainingOptions.SpritePreset} for RGBA sprites, {VaePreset.Base.Name} for palette sprites and --objective likelihood; levels: {LayoutPreset(LevelLayout.Horizontal)} for horizontal ones, {LayoutPreset(LevelLayout.Vertical)} for vertical ones, {LayoutPreset(LevelLayout.Room)} for rooms)." };
        private readonly Option<long> seed = SharedOptions.Seed(1);
        private readonly Option<double> beta = new Option<double>("--beta") { Description = "KL weight after warm-up (1 = ELBO).", DefaultValueFactory = _ => 1.0 };
        private readonly Option<int> batch = new Option<int>("--batch-size") { Description = "Items per Adam step.", DefaultValueFactory = _ => 32 };
        private readonly Option<double> learningRate = new Option<double>("--lr") { Description = "Adam learning rate at the start (cosine-decayed to --final-lr of it).", DefaultValueFactory = _ => 2e-3 };
        private readonly Option<int> warmup = new Option<int>("--warmup") { Description = "Steps of linear KL warm-up.", DefaultValueFactory = _ => 500 };
        private readonly Option<double> freeBits = new Option<double>("--free-bits") { Description = "Minimum nats per latent dimension before KL is penalised (0 = off).", DefaultValueFactory = _ => 0.0 };
        private readonly Option<string> likelihood = new Option<string>("--likelihood") { Description = "Sprites: bernoulli (BCE over RGBA values), gaussian (MSE) or palette (per-pixel categorical over --palette-size training colours plus transparency).", DefaultValueFactory = _ => "bernoulli" };
        private readonly Option<int> paletteSize = new Option<int>("--palette-size") { Description = "With --likelihood palette: opaque colours the training sprites are reduced to (median cut in OKLab).", DefaultValueFactory = _ => DefaultPaletteColours };
        private readonly Option<double> testFraction = new Option<double>("--test-fraction") { Description = "Held-out fraction (seeded, stratified by label).", DefaultValueFactory = _ => 0.1 };
        private readonly Option<string> fit = SharedOptions.Fit("How other-size sprites fit the model: scale (nearest), pad or crop (centred).");
        private readonly Option<int> size = new Option<int>("--size") { Description = "Sprite width and height of the model (multiple of 8 recommended).", DefaultValueFactory = _ => 32 };
        private readonly Option<bool> skipBad = new Option<bool>("--skip-bad-files") { Description = "Skip unreadable PNGs (and report how many) instead of stopping." };
        private readonly Option<bool> conditional = new Option<bool>("--conditional") { Description = "Condition encoder and decoder on the class label (sub-folder name)." };
        private readonly Option<double> weightDecay = new Option<double>("--weight-decay") { Description = "Decoupled weight decay (AdamW); 0 = plain Adam (palette sprites: default 0.2).", DefaultValueFactory = _ => 0.0 };
        private readonly Option<double> ema = new Option<double>("--ema") { Description = "Decay of the weight moving average that is evaluated and exported (0 = off).", DefaultValueFactory = _ => TrainingOptions.SpriteEmaDecay };
        private readonly Option<double> finalLr = new Option<double>("--final-lr") { Description = "Where the cosine learning-rate decay ends, as a fraction of --lr.", DefaultValueFactory = _ => TrainingOptions.SpriteFinalLearningRateFraction };
        private readonly Option<double> priorBandwidth = new Option<double>("--prior-bandwidth") { Description = "Sprites: spread added to the fitted aggregate-posterior prior stored with the model (negative = store none; sampling then uses N(0, I)).", DefaultValueFactory = _ => Export.AggregatePosterior.DefaultBandwidth };
        private readonly Option<double> clipGradNorm = new Option<double>("--clip-grad-norm") { Description = "Scale gradients down to this joint L2 norm when they exceed it (0 = no clipping).", DefaultValueFactory = _ => TrainingOptions.DefaultGradientClipNorm };
        private readonly Option<double> priorLocalSpread = new Option<double>("--prior-local-spread") { Description = "Two-level models: how the fitted prior samples the local noise: negative (default) = from the training sprites' posteriors like the global latent; t >= 0 = from N(0, t^2), its prior at 1.", DefaultValueFactory = _ => Export.AggregatePosterior.DefaultLocalSpread };
        private readonly Option<double> priorLocalShift = new Option<double>("--prior-local-shift") { Description = "Two-level models with the default --prior-local-spread: standard deviation of one shift per local channel, shared by the cells the sprite occupies, so sampling moves a sprite's colours and shading together instead of painting a patchwork (README, Quality); negative = independent noise per cell.", DefaultValueFactory = _ => Export.AggregatePosterior.DefaultLocalShift };
        private readonly Option<int> localLatent = new Option<int>("--local-latent") { Description = "Channels of a second, local latent map (a two-level model; 0 = one level; tiles: default 0).", DefaultValueFactory = _ => TrainingOptions.SpriteLocalLatentChannels };
        private readonly Option<int> localCell = new Option<int>("--local-cell") { Description = "Pixels per side of a local latent cell: 2 (a map at half the data resolution; RGBA sprites' default) or 4 (a quarter; palette sprites' default).", DefaultValueFactory = _ => TrainingOptions.SpriteLocalLatentCell };
        private readonly Option<double> colourWeight = new Option<double>("--colour-weight") { Description = "RGBA sprites: weight of a colour term added to the reconstruction loss (squared error of the decoded hues over visible pixels), so the latent keeps each sprite's hue instead of the Bernoulli likelihood's average (README, Quality); 0 = off; palette sprites and tiles: 0.", DefaultValueFactory = _ => TrainingOptions.SpriteColourWeight };
        private readonly Option<double> adversarial = new Option<double>("--adversarial") { Description = "RGBA sprites: weight of an adversarial term that trains the decoder to fool a patch discriminator (sharper, slower; 0 = off, the default since --local-contrast; the earlier default was 0.35; palette sprites and tiles: 0).", DefaultValueFactory = _ => TrainingOptions.SpriteAdversarialWeight };
        private readonly Option<double> featureMatching = new Option<double>("--feature-matching") { Description = "RGBA sprites: weight of a term that pulls each reconstruction's discriminator features towards those of its training sprite (crisper texture; needs the discriminator of --adversarial; on from --adversarial-start; 0 = off; default 0.15 with --adversarial above 0, else 0).", DefaultValueFactory = _ => TrainingOptions.SpriteFeatureMatchingWeight };
        private readonly Option<double> localContrast = new Option<double>("--local-contrast") { Description = $"RGBA sprites: weight of a term that asks each reconstruction for its sprite's amount of detail in every {VaeLoss.LocalContrastWindow}x{VaeLoss.LocalContrastWindow} window (crisp fills and outlines without a discriminator; 0 = off; palette sprites and tiles: 0).", DefaultValueFactory = _ => TrainingOptions.SpriteLocalContrastWeight };
        private readonly Option<int> adversarialStart = new Option<int>("--adversarial-start") { Description = "Epoch from which the adversarial and feature-matching terms are on (default: half of --epochs, at least 1).", DefaultValueFactory = _ => 0 };
        private readonly Option<string> upsampling = new Option<string>("--upsampling") { Description = "How the decoder doubles its resolution: resize (nearest-neighbour doubling and a 3x3 convolution; no checkerboard) or transposed (free 4x4 transposed convolutions; palette sprites and tiles: the default). Same exported graph and runtime cost.", DefaultValueFactory = _ => UpsamplingName(TrainingOptions.SpriteUpsampling) };
        private readonly Option<string> objective = new Option<string>("--objective") { Description = $"Sprites: what the model is for. {SamplesObjective} (default): sharp, colourful generated sprites (colour and local-contrast terms, resize decoder; RGBA sprites: small preset, 2 x 2 local cells). {LikelihoodObjective}: held-out likelihood, for scores and anomaly detection (the reconstruction likelihood and KL alone, base preset, {VaeArchitecture.QuarterResolutionCell} x {VaeArchitecture.QuarterResolutionCell} local cells, transposed decoder, weight decay {TrainingOptions.LikelihoodWeightDecay.ToString(CultureInfo.InvariantCulture)}, {TrainingOptions.LikelihoodEpochs} epochs). Options typed next to it win.", DefaultValueFactory = _ => SamplesObjective };
        private readonly Option<bool> noFlip = new Option<bool>("--no-flip") { Description = "Disable random horizontal flips of training sprites." };

        private const string SamplesObjective = "samples";
        private const string LikelihoodObjective = "likelihood";

        /// <summary>Default of --palette-size.</summary>
        public const int DefaultPaletteColours = 64;
        /// <summary>Largest --palette-size (the decoder's output convolution grows with it).</summary>
        public const int MaxPaletteColours = 255;

        public TrainingSettingsOptions(int defaultEpochs = 40)
        {
            epochs = new Option<int>("--epochs") { Description = $"Passes over the training data (--objective likelihood: {TrainingOptions.LikelihoodEpochs}; levels: their layout's).", DefaultValueFactory = _ => defaultEpochs };
            likelihood.AcceptOnlyFromAmong("bernoulli", "gaussian", "palette");
            objective.AcceptOnlyFromAmong(SamplesObjective, LikelihoodObjective);
            preset.AcceptOnlyFromAmong("tiny", "small", "base");
            upsampling.AcceptOnlyFromAmong(Enum.GetValues<DecoderUpsampling>().Select(UpsamplingName).ToArray());
        }

        public void AddTo(Command command)
        {
            foreach (Option o in new Option[] { epochs, latent, preset, seed, beta, batch, learningRate, finalLr, weightDecay, ema, priorBandwidth, warmup, freeBits, likelihood, paletteSize, testFraction, fit, size, skipBad, conditional, noFlip, clipGradNorm, localLatent, localCell, priorLocalSpread, priorLocalShift, adversarial, adversarialStart, featureMatching, localContrast, colourWeight, upsampling, objective })
            {
                command.Options.Add(o);
            }
        }

        /// <summary>Reads the hyper-parameters for sprites, or for tiles (categorical likelihood, no augmentation, level defaults for options not given).</summary>
        public TrainingOptions Read(ParseResult parsed, ModelKind kind)
        {
            TrainingOptions options = Read(parsed);
            if (kind == ModelKind.Tiles)
            {
                if (!IsImplicit(parsed, paletteSize)) throw new UserErrorException("--palette-size applies to sprites only.");
                options.PaletteColours = 0;
                if (!IsImplicit(parsed, likelihood)) throw new UserErrorException("--likelihood does not apply to tiles; tile models always use the categorical likelihood.");
                foreach (Option spriteOnly in new Option[] { adversarial, featureMatching, localContrast, colourWeight, objective })
                {
                    if (!IsImplicit(parsed, spriteOnly)) throw new UserErrorException($"{spriteOnly.Name} applies to sprites only.");
                }
                ZeroUntypedSpriteTerms(parsed, options);
                if (IsImplicit(parsed, upsampling)) options.Upsampling = DecoderUpsampling.Transposed;
                options.Likelihood = Likelihood.Categorical;
                options.FlipAugment = false;
                if (IsImplicit(parsed, epochs)) options.Epochs = LevelDefaults.Epochs;
                if (IsImplicit(parsed, freeBits)) options.FreeBits = LevelDefaults.FreeBits;
                if (IsImplicit(parsed, localLatent)) options.LocalLatentChannels = 0;
                if (IsImplicit(parsed, ema)) options.EmaDecay = 0;
                if (IsImplicit(parsed, finalLr)) options.FinalLearningRateFraction = LevelDefaults.FinalLearningRateFraction;
            }
            options.TestFraction = TestFraction(parsed, kind);
            return options;
        }

        /// <summary>
        /// Resuming: the split the checkpoint was trained on. --seed and --test-fraction decide which sprites are held
        /// out, so when the user did not type them they are taken from the checkpoint's run, and typed values that differ
        /// from it are refused (the resumed run would train on held-out sprites).
        /// </summary>
        /// <exception cref="UserErrorException">--seed or --test-fraction was typed and differs from the checkpoint's.</exception>
        public void AdoptSplitOf(ParseResult parsed, TrainingOptions saved, TrainingOptions options)
        {
            if (IsImplicit(parsed, seed)) options.Seed = saved.Seed;
            else if (options.Seed != saved.Seed) throw new UserErrorException($"--seed {options.Seed} is not the checkpoint's seed {saved.Seed}, which decides the held-out split; resume without --seed or train into a new --out folder.");
            if (saved.TestFraction == 0) return;
            if (IsImplicit(parsed, testFraction)) options.TestFraction = saved.TestFraction;
            else if (options.TestFraction != saved.TestFraction) throw new UserErrorException($"--test-fraction {options.TestFraction.ToString(CultureInfo.InvariantCulture)} is not the checkpoint's {saved.TestFraction.ToString(CultureInfo.InvariantCulture)}; resume without --test-fraction or train into a new --out folder.");
        }

        /// <summary>Switches off every sprite-only term the user did not type.</summary>
        private void ZeroUntypedSpriteTerms(ParseResult parsed, TrainingOptions options)
        {
            if (IsImplicit(parsed, adversarial)) options.AdversarialWeight = 0;
            if (IsImplicit(parsed, featureMatching)) options.FeatureMatchingWeight = 0;
            if (IsImplicit(parsed, localContrast)) options.LocalContrastWeight = 0;
            if (IsImplicit(parsed, colourWeight)) options.ColourWeight = 0;
        }

        private bool IsLikelihoodObjective(ParseResult parsed) => parsed.GetValue(objective) == LikelihoodObjective;

        /// <summary>
        /// Whether the run takes the defaults measured for held-out likelihood (no sprite terms, base preset, 4 x 4 cells,
        /// transposed decoder, weight decay): asked for with --objective likelihood, and always for palette sprites, whose
        /// categorical likelihood already gives exact colours.
        /// </summary>
        private bool UsesLikelihoodDefaults(ParseResult parsed, TrainingOptions options) =>
            IsLikelihoodObjective(parsed) || options.Likelihood == Likelihood.Categorical;

        /// <summary>Refuses a typed RGBA-only term (<paramref name="weight"/> above 0) on a palette-likelihood run.</summary>
        /// <exception cref="UserErrorException">The term is on and the likelihood is the palette's.</exception>
        private static void RefuseWithPaletteLikelihood(TrainingOptions options, double weight, Option<double> term, string why = "")
        {
            if (weight > 0 && options.Likelihood == Likelihood.Categorical)
            {
                throw new UserErrorException($"{term.Name} works with the bernoulli and gaussian likelihoods, not with --likelihood palette{why}; pass {term.Name} 0.");
            }
        }

        public TrainingOptions Read(ParseResult parsed)
        {
            var options = new TrainingOptions
            {
                Epochs = IsLikelihoodObjective(parsed) && IsImplicit(parsed, epochs) ? TrainingOptions.LikelihoodEpochs : Positive(parsed.GetValue(epochs), "--epochs"),
                BatchSize = Positive(parsed.GetValue(batch), "--batch-size"),
                LearningRate = parsed.GetValue(learningRate),
                Beta = parsed.GetValue(beta),
                WarmupSteps = Math.Max(0, parsed.GetValue(warmup)),
                FreeBits = Math.Max(0, parsed.GetValue(freeBits)),
                Likelihood = parsed.GetValue(likelihood) switch { "gaussian" => Likelihood.Gaussian, "palette" => Likelihood.Categorical, _ => Likelihood.Bernoulli },
                FinalLearningRateFraction = parsed.GetValue(finalLr),
                WeightDecay = parsed.GetValue(weightDecay),
                EmaDecay = parsed.GetValue(ema),
                FlipAugment = !parsed.GetValue(noFlip),
                Seed = parsed.GetValue(seed),
                GradientClipNorm = parsed.GetValue(clipGradNorm),
                LocalLatentChannels = parsed.GetValue(localLatent),
                LocalLatentCell = parsed.GetValue(localCell),
                AdversarialWeight = parsed.GetValue(adversarial),
                FeatureMatchingWeight = parsed.GetValue(featureMatching),
                LocalContrastWeight = parsed.GetValue(localContrast),
                ColourWeight = parsed.GetValue(colourWeight),
                Upsampling = Enum.Parse<DecoderUpsampling>(parsed.GetValue(upsampling)!, ignoreCase: true),
            };
            options.AdversarialStartEpoch = IsImplicit(parsed, adversarialStart) ? TrainingOptions.DefaultAdversarialStart(options.Epochs) : Math.Max(0, parsed.GetValue(adversarialStart));
            if (options.LocalLatentChannels < 0 || options.LocalLatentChannels > VaeArchitecture.MaxLocalLatentChannels) throw new UserErrorException($"--local-latent must be between 0 and {VaeArchitecture.MaxLocalLatentChannels} (got {options.LocalLatentChannels}).");
            if (!VaeArchitecture.IsLocalLatentCell(options.LocalLatentCell)) throw new UserErrorException($"--local-cell must be {VaeArchitecture.HalfResolutionCell} or {VaeArchitecture.QuarterResolutionCell} (got {options.LocalLatentCell}).");
            if (!(options.GradientClipNorm >= 0)) throw new UserErrorException($"--clip-grad-norm must be zero or positive (got {options.GradientClipNorm}).");
            if (!(options.LearningRate > 0)) throw new UserErrorException($"--lr must be positive (got {options.LearningRate}).");
            if (!(options.WeightDecay >= 0)) throw new UserErrorException($"--weight-decay must be zero or positive (got {options.WeightDecay}).");
            if (!(options.EmaDecay >= 0 && options.EmaDecay < 1)) throw new UserErrorException($"--ema must be in [0, 1) (got {options.EmaDecay}).");
            if (!(options.FinalLearningRateFraction > 0 && options.FinalLearningRateFraction <= 1)) throw new UserErrorException($"--final-lr must be in (0, 1] (got {options.FinalLearningRateFraction}).");
            if (!(options.AdversarialWeight >= 0)) throw new UserErrorException($"--adversarial must be zero or positive (got {options.AdversarialWeight}).");
            if (!(options.ColourWeight >= 0)) throw new UserErrorException($"--colour-weight must be zero or positive (got {options.ColourWeight}).");
            if (!(options.FeatureMatchingWeight >= 0)) throw new UserErrorException($"--feature-matching must be zero or positive (got {options.FeatureMatchingWeight}).");
            if (!(options.LocalContrastWeight >= 0)) throw new UserErrorException($"--local-contrast must be zero or positive (got {options.LocalContrastWeight}).");
            if (options.AdversarialWeight == 0 && IsImplicit(parsed, featureMatching)) options.FeatureMatchingWeight = 0;
            if (UsesLikelihoodDefaults(parsed, options))
            {
                ZeroUntypedSpriteTerms(parsed, options);
                if (IsImplicit(parsed, weightDecay)) options.WeightDecay = TrainingOptions.LikelihoodWeightDecay;
                if (IsImplicit(parsed, upsampling)) options.Upsampling = DecoderUpsampling.Transposed;
                if (IsImplicit(parsed, localCell)) options.LocalLatentCell = VaeArchitecture.QuarterResolutionCell;
            }
            RefuseWithPaletteLikelihood(options, options.ColourWeight, colourWeight, " (its colours are exact)");
            RefuseWithPaletteLikelihood(options, options.AdversarialWeight, adversarial);
            RefuseWithPaletteLikelihood(options, options.FeatureMatchingWeight, featureMatching);
            RefuseWithPaletteLikelihood(options, options.LocalContrastWeight, localContrast);
            if (!(options.Beta >= 0)) throw new UserErrorException($"--beta must be zero or positive (got {options.Beta}).");
            if (options.Likelihood == Likelihood.Categorical)
            {
                int colours = parsed.GetValue(paletteSize);
                if (colours < 1 || colours > MaxPaletteColours) throw new UserErrorException($"--palette-size must be between 1 and {MaxPaletteColours} (got {colours}).");
                options.PaletteColours = colours;
            }
            else if (!IsImplicit(parsed, paletteSize))
            {
                throw new UserErrorException("--palette-size applies to --likelihood palette only.");
            }
            return options;
        }

        /// <summary>Size and fit of the training sprites (<paramref name="autoSlicedSheet"/>: they come from --sheet --slice auto).</summary>
        public SpriteLoadOptions ReadLoadOptions(ParseResult parsed, bool autoSlicedSheet = false)
        {
            int s = Positive(parsed.GetValue(size), "--size");
            SpriteFitMode mode = SharedOptions.ParseFit(parsed.GetValue(fit)!, autoSlicedSheet);
            return new SpriteLoadOptions { Width = s, Height = s, Fit = mode, SkipBadFiles = parsed.GetValue(skipBad) };
        }

        /// <summary>
        /// Applies to a resumed run the options the user typed that may differ from its checkpoint: --epochs and the fitted
        /// prior's --prior-bandwidth, --prior-local-spread and --prior-local-shift. Options left at their defaults keep the
        /// checkpoint's values.
        /// </summary>
        /// <exception cref="UserErrorException">A typed value is out of range.</exception>
        public void ApplyTyped(ParseResult parsed, RunDescription run)
        {
            if (!IsImplicit(parsed, epochs)) run.Options.Epochs = Positive(parsed.GetValue(epochs), "--epochs");
            if (!IsImplicit(parsed, priorBandwidth)) run.PriorBandwidth = Finite(parsed, priorBandwidth);
            if (!IsImplicit(parsed, priorLocalSpread)) run.PriorLocalSpread = Finite(parsed, priorLocalSpread);
            if (!IsImplicit(parsed, priorLocalShift)) run.PriorLocalShift = Finite(parsed, priorLocalShift);
        }

        /// <summary>Sets how the exported model's fitted prior samples (--prior-bandwidth, --prior-local-spread, --prior-local-shift).</summary>
        /// <exception cref="UserErrorException">One of them is not a finite number.</exception>
        public void ApplyPrior(ParseResult parsed, RunDescription run)
        {
            run.PriorBandwidth = Finite(parsed, priorBandwidth);
            run.PriorLocalSpread = Finite(parsed, priorLocalSpread);
            run.PriorLocalShift = Finite(parsed, priorLocalShift);
        }

        private static double Finite(ParseResult parsed, Option<double> option)
        {
            double value = parsed.GetValue(option);
            return double.IsFinite(value) ? value : throw new UserErrorException($"{option.Name} must be a finite number (got {value.ToString(CultureInfo.InvariantCulture)}).");
        }

        public int Latent(ParseResult parsed) => Positive(parsed.GetValue(latent), "--latent");
        public int Latent(ParseResult parsed, ModelKind kind) => kind == ModelKind.Tiles && IsImplicit(parsed, latent) ? LevelDefaults.Latent : Latent(parsed);

        /// <summary>
        /// The typed --preset, else the default for the data: tile data gets its layout's (<see cref="LevelDefaults.ForLayout"/>),
        /// RGBA sprites <see cref="TrainingOptions.SpritePreset"/>, palette sprites (<paramref name="options"/> with the palette likelihood)
        /// and --objective likelihood base.
        /// </summary>
        public string Preset(ParseResult parsed, PreparedData prepared, TrainingOptions options)
        {
            if (!IsImplicit(parsed, preset)) return parsed.GetValue(preset)!;
            if (prepared.Kind == ModelKind.Tiles) return LevelDefaults.ForLayout(prepared.LevelLayout).Preset;
            return UsesLikelihoodDefaults(parsed, options) ? VaePreset.Base.Name : TrainingOptions.SpritePreset;
        }

        /// <summary>Tile data: the layout's default epochs and free bits for the options not given (see <see cref="LevelDefaults.ForLayout"/>).</summary>
        public void ApplyLayoutDefaults(ParseResult parsed, PreparedData prepared, TrainingOptions options)
        {
            if (prepared.Kind != ModelKind.Tiles) return;
            var defaults = LevelDefaults.ForLayout(prepared.LevelLayout);
            if (IsImplicit(parsed, epochs)) options.Epochs = defaults.Epochs;
            if (IsImplicit(parsed, freeBits)) options.FreeBits = defaults.FreeBits;
        }
        public bool SkipBadFiles(ParseResult parsed) => parsed.GetValue(skipBad);
        public bool Conditional(ParseResult parsed) => parsed.GetValue(conditional);

        public double TestFraction(ParseResult parsed, ModelKind kind) =>
            kind == ModelKind.Tiles && IsImplicit(parsed, testFraction) ? TileDataPreparer.DefaultTestFraction : TestFraction(parsed);

        public double TestFraction(ParseResult parsed)
        {
            double f = parsed.GetValue(testFraction);
            if (!(f > 0 && f < 1)) throw new UserErrorException($"--test-fraction must be between 0 and 1 (got {f}).");
            return f;
        }

        private static bool IsImplicit(ParseResult parsed, Option option)
        {
            var result = parsed.GetResult(option);
            return result == null || result.Implicit;
        }

        private static string LayoutPreset(LevelLayout layout) => LevelDefaults.ForLayout(layout).Preset;

        /// <summary>The command-line spelling of an upsampling mode (its name in lower case).</summary>
        private static string UpsamplingName(DecoderUpsampling mode) => mode.ToString().ToLowerInvariant();

        private static int Positive(int value, string name) =>
            value > 0 ? value : throw new UserErrorException($"{name} must be a positive integer (got {value}).");
    }
}
