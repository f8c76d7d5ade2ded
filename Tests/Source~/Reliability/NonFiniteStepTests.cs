using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using VaeProcgen.Tests.EndToEnd;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Trainer.Models;
using VaeProcgen.Trainer.Training;
using static TorchSharp.torch;

namespace VaeProcgen.Tests.Reliability
{
    /// <summary>
    /// The trainer's defences against non-finite steps: a poisoned step is skipped (weights, Adam state and the weight
    /// average untouched) and reported; persistent poison stops the command line with one sentence, exit code 2, the
    /// last good checkpoint intact and no temporary file left.
    /// </summary>
    [TestFixture]
    public class NonFiniteStepTests
    {
        private static float[][] Weights(ConvVae model) => model.parameters().Select(p => p.detach().cpu().data<float>().ToArray()).ToArray();

        [Test]
        public void PoisonedStep_IsSkippedReportedAndLeavesWeightsUntouched()
        {
            using PreparedData data = EmbeddedSprites.Prepare(32, 3);
            TrainingOptions options = TinyModels.TrainingOptions(epochs: 1, seed: 4);
            options.BatchSize = data.Train.Count;   // one step per epoch
            options.WeightDecay = 0.2;
            options.EmaDecay = 0.9;
            using ConvVae model = TinyModels.CreateUntrained(VaePreset.Tiny, TinyModels.LatentSize, 4);
            using var trainer = new VaeTrainer(model, options) { PoisonGradients = step => step == 0 };
            float[][] before = Weights(model);
            float[][] averageBefore = Weights(trainer.AveragedModel!);

            EpochMetrics? reported = null;
            bool completed = trainer.Run(data.Train, data.Test, new SilentObserver(m => reported = m), _ => { }, CancellationToken.None);

            Assert.That(completed, Is.True);
            Assert.That(reported!.SkippedSteps, Is.EqualTo(1));
            Assert.That(trainer.State.GlobalStep, Is.EqualTo(1), "the skipped step still advances the step counter (and its seed)");
            Assert.That(Weights(model), Is.EqualTo(before), "a skipped step must not change the live weights (not even by weight decay)");
            Assert.That(Weights(trainer.AveragedModel!), Is.EqualTo(averageBefore), "a skipped step must not change the weight average");
            Assert.That(double.IsFinite(reported.TestNegElbo), Is.True);
            Assert.That(MetricsLog.Format(reported), Does.Contain("\"skipped_steps\":1").And.Not.Contain("NaN"));
        }

        [Test]
        public void StepWhereLibtorchFails_IsSkippedLikeANonFiniteStep()
        {
            using PreparedData data = EmbeddedSprites.Prepare(64, 3);
            TrainingOptions options = TinyModels.TrainingOptions(epochs: 2, seed: 4);
            using ConvVae model = TinyModels.CreateUntrained(VaePreset.Tiny, TinyModels.LatentSize, 4);
            using var trainer = new VaeTrainer(model, options) { FailNatively = step => step == 1 };
            bool completed = trainer.Run(data.Train, data.Test, new SilentObserver(), _ => { }, CancellationToken.None);

            Assert.That(completed, Is.True, "one native error must not end the run");
            Assert.That(trainer.State.History.Select(m => m.SkippedSteps), Is.EqualTo(new[] { 1, 0 }));
            Assert.That(trainer.State.History[1].TestNegElbo, Is.LessThan(trainer.State.History[0].TestNegElbo));
        }

        [Test]
        public void OneBadStepAmongGoodOnes_TrainingStillImproves()
        {
            using PreparedData data = EmbeddedSprites.Prepare(64, 3);
            TrainingOptions options = TinyModels.TrainingOptions(epochs: 2, seed: 4);
            using ConvVae model = TinyModels.CreateUntrained(VaePreset.Tiny, TinyModels.LatentSize, 4);
            using var trainer = new VaeTrainer(model, options) { PoisonGradients = step => step == 2 };
            trainer.Run(data.Train, data.Test, new SilentObserver(), _ => { }, CancellationToken.None);

            var history = trainer.State.History;
            Assert.That(history.Select(m => m.SkippedSteps), Is.EqualTo(new[] { 1, 0 }));
            Assert.That(history[1].TestNegElbo, Is.LessThan(history[0].TestNegElbo));
            Assert.That(model.parameters().All(p => p.isfinite().all().item<bool>()), Is.True);
        }

        [Test, Timeout(180_000)]
        public void PersistentPoison_StopsWithOneSentenceExitTwoAndIntactCheckpoint()
        {
            using var folder = new ScratchFolder();
            string data = Path.Combine(folder.Path, "data");
            foreach (var (path, bytes) in EmbeddedData.ReadSprites().Where((_, i) => i % 30 == 0).Take(32)) folder.Write(Path.Combine("data", path), bytes);
            string output = Path.Combine(folder.Path, "out");
            string checkpoint = Path.Combine(output, Checkpoint.FileName);
            var args = new[] { "train", "--data", data, "--out", output, "--preset", "tiny", "--size", "16", "--latent", "4", "--batch-size", "4", "--seed", "5" };

            var (firstExit, _) = RunTrainer(args.Concat(new[] { "--epochs", "1" }), poisonFromStep: null);
            Assert.That(firstExit, Is.EqualTo(0));
            byte[] goodCheckpoint = File.ReadAllBytes(checkpoint);

            // Epoch 1 has 7 steps; poison every step of epoch 2.
            var (exit, error) = RunTrainer(args.Concat(new[] { "--epochs", "3", "--resume" }), poisonFromStep: 7);

            Assert.That(exit, Is.EqualTo(2), error);
            string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(lines, Has.Length.EqualTo(1), "one sentence, no stack trace");
            Assert.That(lines[0], Does.StartWith("error: Training produced non-finite values").And.Contain("epoch 2"));
            Assert.That(File.ReadAllBytes(checkpoint), Is.EqualTo(goodCheckpoint), "the last good checkpoint stays as it was");
            Assert.That(Directory.GetFiles(output, "*.tmp"), Is.Empty);
            Assert.That(File.ReadAllLines(Path.Combine(output, MetricsLog.FileName)), Has.Length.EqualTo(1));
        }

        private static (int ExitCode, string Error) RunTrainer(System.Collections.Generic.IEnumerable<string> args, long? poisonFromStep)
        {
            var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "vaeprocgen.dll"));
            foreach (string a in args) info.ArgumentList.Add(a);
            if (poisonFromStep is long step) info.Environment[TrainingJob.TestPoisonVariable] = step.ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            Assert.That(process.WaitForExit(150_000), Is.True, "trainer hung");
            return (process.ExitCode, error.Result);
        }
    }
}
