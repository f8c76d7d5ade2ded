using System;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Tests.EndToEnd
{
    /// <summary>A training observer that draws nothing; optionally reacts to finished epochs and batches.</summary>
    internal sealed class SilentObserver : ITrainingObserver
    {
        private readonly Action<EpochMetrics>? epochFinished;
        private readonly Action<int>? batchFinished;

        public SilentObserver(Action<EpochMetrics>? epochFinished = null, Action<int>? batchFinished = null)
        {
            this.epochFinished = epochFinished;
            this.batchFinished = batchFinished;
        }

        public void EpochStarted(int epoch, int totalEpochs, int batches, int firstBatch) { }

        public void BatchFinished(int epoch, int batch, double loss) => batchFinished?.Invoke(batch);

        public void EpochFinished(EpochMetrics metrics) => epochFinished?.Invoke(metrics);
    }
}
