using System;
using System.IO;
using System.Text.Json;
using NUnit.Framework;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Trainer.Cli;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Tests.Tiles
{
    /// <summary>The `levels` and `eval-levels` commands run in-process on the trained test model.</summary>
    [TestFixture]
    [NonParallelizable]
    public sealed class TileCommandTests
    {
        [Test]
        public void LevelsWritesTextAndPreview()
        {
            using var scratch = new ScratchFolder();
            string path = Path.Combine(scratch.Path, "out", "level.txt");
            int code = CommandLine.Run(new[] { "levels", "--model", TrainedTileModel.Folder, "--seed", "2", "--segments", "3", "--out", path, "--repair", "--backend", "managed", "--no-check" });
            Assert.That(code, Is.Zero);
            string[] rows = File.ReadAllText(path).TrimEnd('\n').Split('\n');
            Assert.That(rows, Has.Length.EqualTo(14));
            Assert.That(rows, Has.All.Length.EqualTo(76));
            RgbaImage preview = PngCodec.Decode(File.ReadAllBytes(Path.ChangeExtension(path, ".png")), "level.png");
            Assert.That((preview.Width, preview.Height), Is.EqualTo((76 * 8, 14 * 8)));
        }

        [Test]
        public void ACheckedLevelIsWrittenOnlyWhenPlayable()
        {
            using var scratch = new ScratchFolder();
            string path = Path.Combine(scratch.Path, "checked.txt");
            var error = new StringWriter();
            TextWriter original = Console.Error;
            Console.SetError(error);
            int code;
            try { code = CommandLine.Run(new[] { "levels", "--model", TrainedTileModel.Folder, "--seed", "2", "--segments", "3", "--out", path }); }
            finally { Console.SetError(original); }
            // The 2-epoch test model rarely makes a playable level: either it did, or the command said so and wrote nothing.
            if (code == 0) Assert.That(File.Exists(path), Is.True);
            else
            {
                Assert.That(code, Is.EqualTo(2));
                Assert.That(error.ToString(), Does.Contain("No playable level was found"));
                Assert.That(File.Exists(path), Is.False);
            }
        }

        [Test]
        public void EvalLevelsPrintsTheMetrics()
        {
            string json = CaptureOut(() => Assert.That(CommandLine.Run(new[] { "eval-levels", "--model", TrainedTileModel.Folder, "--count", "2", "--segments", "2" }), Is.Zero));
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            JsonElement playability = root.GetProperty("playability");
            Assert.That(playability.GetProperty("original_playable").GetDouble(), Is.EqualTo(13 / 15.0).Within(1e-9), "the human baseline of the embedded Mario levels");
            Assert.That(playability.GetProperty("generated_playable").GetDouble(), Is.InRange(0.0, 1.0));
            foreach (string k in new[] { "k2", "k3", "k4" })
            {
                JsonElement kl = root.GetProperty("pattern_kl").GetProperty(k);
                Assert.That(kl.GetProperty("kl_train_gen").GetDouble(), Is.GreaterThanOrEqualTo(0));
                Assert.That(kl.GetProperty("symmetric").GetDouble(), Is.GreaterThanOrEqualTo(0));
                JsonElement baseline = kl.GetProperty("human_baseline");
                Assert.That(baseline.GetProperty("min").GetDouble(), Is.LessThanOrEqualTo(baseline.GetProperty("max").GetDouble()));
            }
            Assert.That(root.GetProperty("novelty").GetDouble(), Is.InRange(0, 1));
            Assert.That(root.GetProperty("diversity").GetDouble(), Is.InRange(0, 1));
            Assert.That(root.GetProperty("training_diversity").GetDouble(), Is.InRange(0, 1));
            Assert.That(root.GetProperty("unseen_2x2_before_repair").GetDouble(), Is.InRange(0, 1));
            Assert.That(root.GetProperty("unseen_2x2_after_repair").GetDouble(), Is.Zero);
        }

        [TestCase("--likelihood", "gaussian")]
        [TestCase("--local-contrast", "0.3")]
        [TestCase("--adversarial", "0.3")]
        public void TilesRejectSpriteOnlyTraining(string option, string value)
        {
            Assert.That(CommandLine.Run(new[] { "train", "--kind", "tiles", option, value, "--out", "unused" }), Is.EqualTo(CommandLine.UserErrorExitCode));
            Assert.That(Directory.Exists("unused"), Is.False);
        }

        private static string CaptureOut(Action action)
        {
            TextWriter original = Console.Out;
            var writer = new StringWriter();
            Console.SetOut(writer);
            try { action(); }
            finally { Console.SetOut(original); }
            return writer.ToString();
        }
    }
}
