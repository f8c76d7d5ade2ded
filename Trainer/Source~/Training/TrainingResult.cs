namespace VaeProcgen.Trainer.Training
{
    /// <summary>How a training run ended.</summary>
    public sealed class TrainingResult
    {
        /// <summary>Creates a result.</summary>
        public TrainingResult(bool completed, TrainingProgressState state, long parameters, long decoderFlopsPerItem)
        {
            Completed = completed;
            State = state;
            Parameters = parameters;
            DecoderFlopsPerItem = decoderFlopsPerItem;
        }

        /// <summary>False when cancelled (Ctrl+C) before the last epoch.</summary>
        public bool Completed { get; }
        /// <summary>Progress and metric history.</summary>
        public TrainingProgressState State { get; }
        /// <summary>Trainable parameters.</summary>
        public long Parameters { get; }
        /// <summary>Decoder FLOPs per item (2 x MACs).</summary>
        public long DecoderFlopsPerItem { get; }
    }
}
