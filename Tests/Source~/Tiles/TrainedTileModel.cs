using System.IO;
using System.Threading;
using NUnit.Framework;
using VaeProcgen.Contract;
using VaeProcgen.Trainer.Data.Levels;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Tests.Tiles
{
    /// <summary>One tiny seeded tiles model trained (seconds) on the embedded Mario levels, shared by the tile tests.</summary>
    internal static class TrainedTileModel
    {
        private static readonly object Sync = new object();
        private static string? _folder;

        /// <summary>Folder of the exported model (trained on first use).</summary>
        public static string Folder
        {
            get
            {
                lock (Sync)
                {
                    return _folder ??= Train();
                }
            }
        }

        /// <summary>The embedded Mario levels cut with the test's window options.</summary>
        public static TileWindowOptions Window => new TileWindowOptions { WindowWidth = 28, Stride = 8 };

        private static string Train()
        {
            string folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "scratch", "tiles-model");
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            using PreparedData data = TileDataPreparer.Prepare(null, null, Window, TileDataPreparer.DefaultTestFraction, 1);
            var options = new TrainingOptions
            {
                Epochs = 2,
                BatchSize = 32,
                Likelihood = Likelihood.Categorical,
                FlipAugment = false,
                WarmupSteps = 10,
                Seed = 1,
            };
            RunDescription run = TrainingJob.Describe(data, "tiny", 8, conditional: false, options);
            TrainingResult result = new TrainingJob(folder, run, resume: false).Execute(data, new QuietObserver(), CancellationToken.None);
            Assert.That(result.Completed, Is.True);
            return folder;
        }

        private sealed class QuietObserver : ITrainingObserver
        {
            public void EpochStarted(int epoch, int totalEpochs, int batches, int firstBatch) { }
            public void BatchFinished(int epoch, int batch, double loss) { }
            public void EpochFinished(EpochMetrics metrics) { }
        }
    }
}
