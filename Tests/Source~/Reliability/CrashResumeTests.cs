using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using VaeProcgen.Contract;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Tests.Reliability
{
    /// <summary>
    /// SIGKILLs the trainer process mid-epoch and inside the checkpoint write window, resumes, and checks the final
    /// decoder.onnx is byte-identical to an uninterrupted run with the same seed; a killed run never leaves a truncated model.
    /// </summary>
    [TestFixture]
    public class CrashResumeTests
    {
        private const int TotalEpochs = 12;

        private static string Dll => Path.Combine(TestContext.CurrentContext.TestDirectory, "vaeprocgen.dll");

        private static Process Start(string data, string output, bool resume, int pauseInCheckpointMs = 0)
        {
            var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(Dll);
            foreach (string a in new[] { "train", "--data", data, "--out", output, "--preset", "tiny", "--epochs", TotalEpochs.ToString(), "--size", "16",
                         "--latent", "4", "--batch-size", "4", "--seed", "5" }) info.ArgumentList.Add(a);
            if (resume) info.ArgumentList.Add("--resume");
            if (pauseInCheckpointMs > 0) info.Environment[Checkpoint.TestPauseVariable] = pauseInCheckpointMs.ToString();
            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return process;
        }

        private static void RunToEnd(string data, string output, bool resume)
        {
            using Process p = Start(data, output, resume);
            Assert.That(p.WaitForExit(120_000), Is.True, "trainer hung");
            Assert.That(p.ExitCode, Is.EqualTo(0));
        }

        private static void WaitFor(Func<bool> condition, Process p, string what)
        {
            var timer = Stopwatch.StartNew();
            while (!condition())
            {
                Assert.That(p.HasExited, Is.False, $"the trainer finished before {what}");
                Assert.That(timer.Elapsed.TotalSeconds, Is.LessThan(90), $"timed out waiting for {what}");
                Thread.Sleep(10);
            }
        }

        private static void Kill(Process p)
        {
            Assert.That(p.HasExited, Is.False, "the kill must land while the trainer is running");
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }

        /// <summary>After a kill: decoder.onnx is either absent or a complete, loadable model (never truncated).</summary>
        private static void AssertNoTruncatedExport(string output)
        {
            string decoder = Path.Combine(output, ContractNames.DecoderFileName);
            if (File.Exists(decoder)) VaeModel.Load(output).Dispose();
        }

        [Test, Timeout(240_000)]
        public void KillMidEpochAndInsideCheckpointWrite_ResumeIsByteIdentical()
        {
            using var folder = new ScratchFolder();
            string data = Path.Combine(folder.Path, "data");
            foreach (var (path, bytes) in EmbeddedData.ReadSprites().Where((_, i) => i % 30 == 0).Take(32)) folder.Write(Path.Combine("data", path), bytes);

            string reference = Path.Combine(folder.Path, "reference");
            RunToEnd(data, reference, resume: false);
            byte[] expected = File.ReadAllBytes(Path.Combine(reference, ContractNames.DecoderFileName));

            // 1. Kill during training, after the first checkpoint (an epoch holds 8 batches, so the kill lands mid-epoch).
            string midEpoch = Path.Combine(folder.Path, "mid-epoch");
            using (Process p = Start(data, midEpoch, resume: false))
            {
                string checkpoint = Path.Combine(midEpoch, Checkpoint.FileName);
                WaitFor(() => File.Exists(checkpoint), p, "the first checkpoint");
                Thread.Sleep(300);
                Kill(p);
            }
            Assert.That(Checkpoint.ReadHeader(Path.Combine(midEpoch, Checkpoint.FileName)).State.Epoch, Is.InRange(1, TotalEpochs - 1), "the kill landed before the last epoch");
            AssertNoTruncatedExport(midEpoch);
            RunToEnd(data, midEpoch, resume: true);
            Assert.That(File.ReadAllBytes(Path.Combine(midEpoch, ContractNames.DecoderFileName)), Is.EqualTo(expected), "resume after a mid-epoch kill");

            // 2. Kill while the epoch-2 checkpoint is written: temp file complete, rename not yet done.
            string inCheckpoint = Path.Combine(folder.Path, "in-checkpoint");
            using (Process p = Start(data, inCheckpoint, resume: false, pauseInCheckpointMs: 4000))
            {
                string checkpoint = Path.Combine(inCheckpoint, Checkpoint.FileName);
                WaitFor(() => File.Exists(checkpoint), p, "the first checkpoint");
                WaitFor(() => File.Exists(checkpoint + ".tmp"), p, "the second checkpoint's temporary file");
                Kill(p);
            }
            Assert.That(Checkpoint.ReadHeader(Path.Combine(inCheckpoint, Checkpoint.FileName)).State.Epoch, Is.EqualTo(1), "the last complete checkpoint survives");
            AssertNoTruncatedExport(inCheckpoint);
            RunToEnd(data, inCheckpoint, resume: true);
            Assert.That(File.ReadAllBytes(Path.Combine(inCheckpoint, ContractNames.DecoderFileName)), Is.EqualTo(expected), "resume after a kill inside the checkpoint write");
        }
    }
}
