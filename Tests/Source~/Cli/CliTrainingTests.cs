using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;
using VaeProcgen.Contract;
using VaeProcgen.Tests.EndToEnd;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Tests.Cli
{
    /// <summary>`train` (fresh and --resume) and `eval` run in-process on a small PNG folder.</summary>
    [TestFixture]
    public class CliTrainingTests
    {
        private const int Sprites = 64;
        private ScratchFolder scratch = null!;
        private string dataFolder = "";
        private string twoEpochs = "";

        [OneTimeSetUp]
        public void TrainTwoEpochs()
        {
            scratch = new ScratchFolder();
            dataFolder = Path.Combine(scratch.Path, "data");
            EmbeddedSprites.WritePngFolder(EmbeddedSprites.Spread(Sprites), dataFolder);
            twoEpochs = Path.Combine(scratch.Path, "two");
            var (exit, _, error) = Train(twoEpochs, 2);
            Assert.That(exit, Is.EqualTo(0), error);
        }

        [OneTimeTearDown]
        public void CleanUp() => scratch?.Dispose();

        private (int Exit, string Output, string Error) Train(string output, int epochs, bool resume = false, params string[] more)
        {
            var args = new[] { "train", "--data", dataFolder, "--out", output, "--preset", "tiny", "--latent", "8", "--epochs", epochs.ToString(), "--batch-size", "16", "--warmup", "10", "--seed", "7", "--test-fraction", "0.2" };
            return ConsoleCapture.Run(args.Concat(more).Concat(resume ? new[] { "--resume" } : Array.Empty<string>()).ToArray());
        }

        private static double[] TrainLosses(string folder) =>
            File.ReadAllLines(Path.Combine(folder, MetricsLog.FileName))
                .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("train_loss").GetDouble())
                .ToArray();

        /// <summary>The training options a run folder's checkpoint recorded.</summary>
        private static TrainingOptions SavedOptions(string folder) => Checkpoint.ReadHeader(Path.Combine(folder, Checkpoint.FileName)).Run.Options;

        private static int[] MetricEpochs(string folder) =>
            File.ReadAllLines(Path.Combine(folder, MetricsLog.FileName))
                .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("epoch").GetInt32())
                .ToArray();

        private static void CopyFolder(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (string file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        [Test]
        public void Train_LeavesModelMetricsAndNoTemporaryFiles()
        {
            Assert.That(MetricEpochs(twoEpochs), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(File.Exists(Path.Combine(twoEpochs, ContractNames.DecoderFileName)), Is.True);
            Assert.That(File.Exists(Path.Combine(twoEpochs, ContractNames.EncoderFileName)), Is.True);
            Assert.That(File.Exists(Path.Combine(twoEpochs, Checkpoint.FileName)), Is.True);
            Assert.That(Directory.GetFiles(twoEpochs, "*.tmp", SearchOption.AllDirectories), Is.Empty);
        }

        [Test]
        public void Train_RgbaSprites_UseTheColourAndLocalContrastTermsAndResizeDecoder_WithoutDiscriminator_ByDefault()
        {
            TrainingOptions options = SavedOptions(twoEpochs);
            Assert.That(options.ColourWeight, Is.EqualTo(TrainingOptions.SpriteColourWeight));
            Assert.That(options.Upsampling, Is.EqualTo(TrainingOptions.SpriteUpsampling));
            Assert.That(options.WeightDecay, Is.EqualTo(0));
            Assert.That(options.LocalContrastWeight, Is.EqualTo(TrainingOptions.SpriteLocalContrastWeight).And.GreaterThan(0));
            Assert.That(options.AdversarialWeight, Is.EqualTo(0));
            Assert.That(options.FeatureMatchingWeight, Is.EqualTo(0), "feature matching needs the discriminator");
            Assert.That(options.AdversarialStartEpoch, Is.EqualTo(1), "2 epochs: half is the second epoch");
            Assert.That(TrainingOptions.DefaultAdversarialStart(60), Is.EqualTo(30));
            Assert.That(TrainingOptions.DefaultAdversarialStart(1), Is.EqualTo(1), "never before the second epoch");
        }

        [Test]
        public void Train_WithoutPreset_UsesTheSpritePresetForRgbaSprites_AndBaseForPaletteSprites()
        {
            string rgba = Path.Combine(scratch.Path, "default-preset");
            var (exit, _, error) = ConsoleCapture.Run(new[] { "train", "--data", dataFolder, "--out", rgba, "--latent", "8", "--epochs", "1" });
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(Checkpoint.ReadHeader(Path.Combine(rgba, Checkpoint.FileName)).Run.Preset, Is.EqualTo(TrainingOptions.SpritePreset).And.Not.EqualTo("base"));
            string palette = Path.Combine(scratch.Path, "default-preset-palette");
            (exit, _, error) = ConsoleCapture.Run(new[] { "train", "--data", dataFolder, "--out", palette, "--latent", "8", "--epochs", "1", "--likelihood", "palette", "--palette-size", "8" });
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(Checkpoint.ReadHeader(Path.Combine(palette, Checkpoint.FileName)).Run.Preset, Is.EqualTo("base"));
        }

        [Test]
        public void Train_LikelihoodObjective_TrainsTheBasePresetWithoutSpriteTerms()
        {
            string folder = Path.Combine(scratch.Path, "likelihood-objective");
            var (exit, _, error) = ConsoleCapture.Run(new[] { "train", "--data", dataFolder, "--out", folder, "--latent", "8", "--epochs", "1", "--objective", "likelihood" });
            Assert.That(exit, Is.EqualTo(0), error);
            var run = Checkpoint.ReadHeader(Path.Combine(folder, Checkpoint.FileName)).Run;
            Assert.That(run.Preset, Is.EqualTo("base"));
            Assert.That(run.Options.ColourWeight + run.Options.LocalContrastWeight + run.Options.AdversarialWeight + run.Options.FeatureMatchingWeight, Is.EqualTo(0));
            Assert.That(run.Options.LocalLatentCell, Is.EqualTo(Trainer.Models.VaeArchitecture.QuarterResolutionCell));
        }

        [Test]
        public void Train_WithQuarterResolutionLocalCells_ExportsTheSmallerLocalMap_AndResumesWithIt()
        {
            Assert.That(SavedOptions(twoEpochs).LocalLatentCell, Is.EqualTo(TrainingOptions.SpriteLocalLatentCell).And.EqualTo(2));
            using (VaeModel vae = VaeModel.Load(twoEpochs))
            {
                Assert.That(vae.LatentSize, Is.EqualTo(8 + TrainingOptions.SpriteLocalLatentChannels * (vae.Contract.Width / 2) * (vae.Contract.Height / 2)),
                    "the default: the global latent plus one local value per channel and 2 x 2 pixels");
            }
            string coarse = Path.Combine(scratch.Path, "local-cell-4");
            var (exit, _, error) = Train(coarse, 1, false, "--local-cell", "4");
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(SavedOptions(coarse).LocalLatentCell, Is.EqualTo(4));
            using (VaeModel vae = VaeModel.Load(coarse))
            {
                int cells = (vae.Contract.Width / 4) * (vae.Contract.Height / 4);
                Assert.That(vae.LatentSize, Is.EqualTo(8 + TrainingOptions.SpriteLocalLatentChannels * cells), "the global latent plus one local value per channel and 4 x 4 pixels");
            }
            (exit, _, error) = Train(coarse, 2, resume: true);
            Assert.That(exit, Is.EqualTo(0), "the resumed run rebuilds the checkpoint's 4 x 4 cells: " + error);
            Assert.That(MetricEpochs(coarse), Is.EqualTo(new[] { 1, 2 }));
        }

        [Test]
        public void Train_WithoutColourWeight_RecordsItAndDropsTheColourErrorFromTheLoss()
        {
            string plain = Path.Combine(scratch.Path, "no-colour");
            var (exit, _, error) = Train(plain, 2, false, "--colour-weight", "0");
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(SavedOptions(plain).ColourWeight, Is.EqualTo(0));
            Assert.That(TrainLosses(twoEpochs)[0], Is.GreaterThan(TrainLosses(plain)[0] + 1), "same seed and data: the default's first-epoch loss also holds the colour term");
        }

        [Test]
        public void Train_FeatureMatching_FollowsTheAdversarialTermUnlessItIsTyped()
        {
            string withDiscriminator = Path.Combine(scratch.Path, "adversarial");
            var (exit, _, error) = Train(withDiscriminator, 1, false, "--adversarial", "0.35");
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(SavedOptions(withDiscriminator).AdversarialWeight, Is.EqualTo(0.35));
            Assert.That(SavedOptions(withDiscriminator).FeatureMatchingWeight, Is.EqualTo(TrainingOptions.SpriteFeatureMatchingWeight));
            Assert.That(SavedOptions(withDiscriminator).LocalContrastWeight, Is.EqualTo(TrainingOptions.SpriteLocalContrastWeight));
            string matchingOnly = Path.Combine(scratch.Path, "matching-only");
            (exit, _, error) = Train(matchingOnly, 1, false, "--feature-matching", "0.2");
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(SavedOptions(matchingOnly).FeatureMatchingWeight, Is.EqualTo(0.2));
        }

        [Test]
        public void Train_PaletteLikelihood_KeepsItsOwnDefaults()
        {
            string palette = Path.Combine(scratch.Path, "palette-defaults");
            var (exit, _, error) = Train(palette, 1, false, "--likelihood", "palette", "--palette-size", "8");
            Assert.That(exit, Is.EqualTo(0), error);
            TrainingOptions options = SavedOptions(palette);
            Assert.That(options.ColourWeight, Is.EqualTo(0));
            Assert.That(options.AdversarialWeight, Is.EqualTo(0));
            Assert.That(options.FeatureMatchingWeight, Is.EqualTo(0));
            Assert.That(options.LocalContrastWeight, Is.EqualTo(0));
            Assert.That(options.WeightDecay, Is.EqualTo(TrainingOptions.LikelihoodWeightDecay));
            Assert.That(options.Upsampling, Is.EqualTo(Trainer.Models.DecoderUpsampling.Transposed));
            Assert.That(options.LocalLatentCell, Is.EqualTo(Trainer.Models.VaeArchitecture.QuarterResolutionCell));
        }

        [TestCase("--adversarial", "0.5", "palette-adversarial")]
        [TestCase("--feature-matching", "0.5", "palette-matching")]
        [TestCase("--colour-weight", "5", "palette-colour")]
        [TestCase("--local-contrast", "0.5", "palette-contrast")]
        public void Train_SpriteOnlyTermWithPaletteLikelihood_ExitsTwo(string option, string value, string folder)
        {
            var args = new[] { "train", "--data", dataFolder, "--out", Path.Combine(scratch.Path, folder), "--preset", "tiny", "--epochs", "1", "--likelihood", "palette" };
            var (exit, _, error) = ConsoleCapture.Run(args.Concat(new[] { option, value }).ToArray());
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain(option));
            Assert.That(Directory.Exists(Path.Combine(scratch.Path, folder)), Is.False);
        }

        [Test]
        public void Eval_PrintsFinitePositiveScoresPerItem()
        {
            var (exit, output, error) = ConsoleCapture.Run("eval", "--model", twoEpochs, "--data", dataFolder);
            Assert.That(exit, Is.EqualTo(0), error);
            using JsonDocument report = JsonDocument.Parse(output);
            JsonElement items = report.RootElement.GetProperty("items");
            Assert.That(items.GetArrayLength(), Is.EqualTo(Sprites));
            Assert.That(report.RootElement.GetProperty("count").GetInt32(), Is.EqualTo(Sprites));
            foreach (JsonElement item in items.EnumerateArray())
            {
                double negElbo = item.GetProperty("neg_elbo").GetDouble();
                double rec = item.GetProperty("rec").GetDouble();
                double kl = item.GetProperty("kl").GetDouble();
                foreach (double value in new[] { negElbo, rec, kl })
                {
                    Assert.That(double.IsFinite(value) && value > 0, Is.True, $"{item.GetProperty("file")}: {value}");
                }
                Assert.That(negElbo, Is.EqualTo(rec + kl).Within(1e-6 * negElbo));
            }
        }

        [Test]
        public void Resume_WithMoreEpochs_ContinuesToThreeEpochs()
        {
            string resumed = Path.Combine(scratch.Path, "resumed");
            CopyFolder(twoEpochs, resumed);
            var (exit, _, error) = Train(resumed, 3, resume: true);
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(MetricEpochs(resumed), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(Directory.GetFiles(resumed, "*.tmp"), Is.Empty);
        }

        [Test]
        public void Resume_OfAFinishedRunWithAnotherPrior_ReExportsWithoutTraining_AndKeepsItOnTheNextResume()
        {
            string resumed = Path.Combine(scratch.Path, "reprior");
            CopyFolder(twoEpochs, resumed);
            byte[] encoderBefore = File.ReadAllBytes(Path.Combine(resumed, ContractNames.EncoderFileName));
            double before = PriorBandwidth(resumed);
            var (exit, _, error) = Train(resumed, 2, resume: true, "--prior-bandwidth", "0.05");
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(before, Is.Not.EqualTo(0.05), "the test needs a first export with another bandwidth");
            Assert.That(PriorBandwidth(resumed), Is.EqualTo(0.05).Within(1e-12));
            Assert.That(MetricEpochs(resumed), Is.EqualTo(new[] { 1, 2 }), "a finished run should not train again");
            Assert.That(File.ReadAllBytes(Path.Combine(resumed, ContractNames.EncoderFileName)), Is.EqualTo(encoderBefore), "the weights changed");

            (exit, _, error) = Train(resumed, 2, resume: true);
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(PriorBandwidth(resumed), Is.EqualTo(0.05).Within(1e-12), "options left at their defaults must keep the checkpoint's values");
        }

        [Test]
        public void Resume_WithoutSeedAndTestFraction_KeepsTheCheckpointsSplit_AndRefusesAnotherSeed()
        {
            string typed = Path.Combine(scratch.Path, "split-typed");
            string untyped = Path.Combine(scratch.Path, "split-untyped");
            CopyFolder(twoEpochs, typed);
            CopyFolder(twoEpochs, untyped);
            var (exit, _, error) = Train(typed, 3, resume: true);
            Assert.That(exit, Is.EqualTo(0), error);
            (exit, _, error) = ConsoleCapture.Run("train", "--data", dataFolder, "--out", untyped, "--epochs", "3", "--resume");
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(TrainLosses(untyped), Is.EqualTo(TrainLosses(typed)), "resuming without --seed/--test-fraction trained on another split");
            Assert.That(File.ReadAllBytes(Path.Combine(untyped, ContractNames.DecoderFileName)), Is.EqualTo(File.ReadAllBytes(Path.Combine(typed, ContractNames.DecoderFileName))));

            string other = Path.Combine(scratch.Path, "split-other-seed");
            CopyFolder(twoEpochs, other);
            byte[] checkpointBefore = File.ReadAllBytes(Path.Combine(other, Checkpoint.FileName));
            (exit, _, error) = ConsoleCapture.Run("train", "--data", dataFolder, "--out", other, "--epochs", "3", "--seed", "8", "--resume");
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("--seed 8 is not the checkpoint's seed 7"));
            Assert.That(File.ReadAllBytes(Path.Combine(other, Checkpoint.FileName)), Is.EqualTo(checkpointBefore), "a refused resume must leave the checkpoint alone");
        }

        private static double PriorBandwidth(string folder)
        {
            using VaeModel model = VaeModel.Load(folder);
            return model.Contract.LatentPrior!.Bandwidth;
        }
    }
}
