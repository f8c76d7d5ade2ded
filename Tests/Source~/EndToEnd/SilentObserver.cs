using System;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Tests.EndToEnd
{
    /// <summary>A training observer that draws nothing; optionally reacts to finished epochs.</summary>
    internal sealed class SilentObserver : ITrainingObserver
    {
        private readonly Action<EpochMetrics>? epochFinished;

        public SilentObserver(Action<EpochMetrics>? epochFinished = null)
        {
            this.epochFinished = epochFinished;
        }

        public void EpochStarted(int epoch, int totalEpochs, int batches, int firstBatch) { }

        public void BatchFinished(int epoch, int batch, double loss) { }

        public void EpochFinished(EpochMetrics metrics) => epochFinished?.Invoke(metrics);
    }
}
