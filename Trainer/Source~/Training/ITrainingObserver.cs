namespace VaeProcgen.Trainer.Training
{
    /// <summary>Receives training progress (the CLI draws it; tests ignore it). Called on the training thread.</summary>
    public interface ITrainingObserver
    {
        /// <summary>An epoch starts; <paramref name="firstBatch"/> is non-zero when resuming mid-epoch.</summary>
        void EpochStarted(int epoch, int totalEpochs, int batches, int firstBatch);
        /// <summary>One Adam step finished.</summary>
        void BatchFinished(int epoch, int batch, double loss);
        /// <summary>An epoch finished and was evaluated.</summary>
        void EpochFinished(EpochMetrics metrics);
    }
}
