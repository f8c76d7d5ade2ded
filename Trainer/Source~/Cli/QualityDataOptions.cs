using System;
using System.CommandLine;
using System.IO;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Trainer.Imaging;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>
    /// `--data` or `--sheet` (with its slicing options), `--split-seed`, `--test-fraction`, `--fit`: the sprites a model is measured against, split into the
    /// same training and held-out parts as `train` split them (same loader, same seeded stratified split).
    /// </summary>
    internal sealed class QualityDataOptions
    {
        /// <summary>The split seed of a model folder without checkpoint.bin: the default `--seed` of `train`.</summary>
        public const int DefaultSplitSeed = 1;

        /// <summary>The default `--test-fraction` of `train`.</summary>
        public const double DefaultTestFraction = 0.1;

        private readonly Option<string?> data = new Option<string?>("--data") { Description = "The model's training sprites: folder of PNGs (default: the embedded DCSS item set)." };
        private readonly Option<int?> splitSeed = new Option<int?>("--split-seed") { Description = "Seed of the train/held-out split (default: the training --seed read from the model's checkpoint.bin, else 1)." };
        private readonly Option<double?> testFraction = new Option<double?>("--test-fraction") { Description = "Held-out fraction the model was trained with (default: the one read from the model's checkpoint.bin, else 0.1)." };
        private readonly Option<string> fit = SharedOptions.Fit("How other-size sprites were fitted in training: scale, pad or crop.");

        private readonly SheetOptions sheet = new SheetOptions();

        public void AddTo(Command command)
        {
            foreach (Option o in new Option[] { data, splitSeed, testFraction, fit }) command.Options.Add(o);
            sheet.AddTo(command);
        }

        /// <summary>
        /// Loads and splits the sprites at the model's size. Says on stderr when they are not the data the model
        /// was trained on (its dataset fingerprint differs), since the held-out part then is not the model's.
        /// </summary>
        public (SpriteDataset Train, SpriteDataset HeldOut) Load(ParseResult parsed, VaeModel vae, string modelFolder)
        {
            int? typedSeed = parsed.GetValue(splitSeed);
            double? typedFraction = parsed.GetValue(testFraction);
            var (savedSeed, savedFraction) = typedSeed.HasValue && typedFraction.HasValue ? (0, 0.0) : TrainingSplit(modelFolder);
            double fraction = typedFraction ?? savedFraction;
            if (!(fraction > 0 && fraction < 1)) throw new UserErrorException($"--test-fraction must be between 0 and 1 (got {fraction}).");
            SpriteFitMode mode = SharedOptions.ParseFit(parsed.GetValue(fit)!, sheet.SlicesAutomatically(parsed));
            var load = new SpriteLoadOptions { Width = vae.Contract.Width, Height = vae.Contract.Height, Fit = mode };
            string? path = parsed.GetValue(data);
            SpriteDataset? sliced = sheet.Load(parsed, load);
            if (sliced != null && path != null) throw new UserErrorException("Pass either --data or --sheet, not both.");
            SpriteDataset all = sliced ?? (path == null ? SpriteDataset.LoadEmbedded(load) : SpriteDataset.LoadFolder(path, load));
            string expected = vae.Contract.DatasetFingerprint;
            if (expected.Length > 0 && expected != all.Fingerprint)
            {
                Console.Error.WriteLine($"warning: these sprites are not the data the model was trained on (fingerprint {Short(all.Fingerprint)}, model {Short(expected)}); the held-out figures are not the model's held-out split.");
            }
            var (train, heldOut) = all.Split(fraction, typedSeed ?? savedSeed);
            if (train.Count == 0 || heldOut.Count == 0)
            {
                throw new UserErrorException($"The data has {all.Count} sprite(s), too few to hold out a split; pass more sprites or another --test-fraction.");
            }
            return (train, heldOut);
        }

        /// <summary>
        /// The seed and held-out fraction `train` split the data with, read from the model folder's checkpoint.bin;
        /// <see cref="DefaultSplitSeed"/> and <see cref="DefaultTestFraction"/> without one, and the default fraction for
        /// checkpoints written before it was recorded.
        /// </summary>
        /// <exception cref="UserErrorException">checkpoint.bin exists but cannot be read.</exception>
        public static (int Seed, double TestFraction) TrainingSplit(string modelFolder)
        {
            string checkpoint = Path.Combine(modelFolder, Checkpoint.FileName);
            if (!File.Exists(checkpoint)) return (DefaultSplitSeed, DefaultTestFraction);
            try
            {
                TrainingOptions options = Checkpoint.ReadHeader(checkpoint).Run.Options;
                return ((int)options.Seed, options.TestFraction > 0 ? options.TestFraction : DefaultTestFraction);
            }
            catch (TrainingException e)
            {
                throw new UserErrorException($"The training split cannot be read from '{checkpoint}'; pass --split-seed and --test-fraction with the --seed and --test-fraction the model was trained with.", e);
            }
        }

        private static string Short(string fingerprint) => fingerprint.Length > 12 ? fingerprint.Substring(0, 12) : fingerprint;
    }
}
