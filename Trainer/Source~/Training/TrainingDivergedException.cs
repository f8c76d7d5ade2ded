namespace VaeProcgen.Trainer.Training
{
    /// <summary>
    /// Training kept producing non-finite losses or gradients even after the trainer restored its last good state.
    /// The last checkpoint on disk is intact (it is only ever written after a finite epoch).
    /// </summary>
    public sealed class TrainingDivergedException : TrainingException
    {
        /// <summary>Creates the exception for the epoch (1-based) and Adam step where training stopped.</summary>
        public TrainingDivergedException(int epoch, long step)
            : base($"Training produced non-finite values again and again at epoch {epoch}, step {step}, even after restoring the last good state; lower --lr, raise --warmup, or train with --resume from the last checkpoint.")
        {
            Epoch = epoch;
            Step = step;
        }

        /// <summary>1-based epoch in which training stopped.</summary>
        public int Epoch { get; }

        /// <summary>Adam step at which training stopped.</summary>
        public long Step { get; }
    }
}
