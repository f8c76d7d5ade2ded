namespace VaeProcgen.Trainer.Training
{
    /// <summary>One line of metrics.jsonl: losses after an epoch, in nats per item.</summary>
    public sealed class EpochMetrics
    {
        /// <summary>1-based epoch number.</summary>
        public int Epoch { get; set; }
        /// <summary>Mean training objective over the epoch (with the KL weight and free bits in force).</summary>
        public double TrainLoss { get; set; }
        /// <summary>Held-out negative ELBO (reconstruction + KL, beta = 1).</summary>
        public double TestNegElbo { get; set; }
        /// <summary>Held-out reconstruction NLL.</summary>
        public double TestRec { get; set; }
        /// <summary>Held-out KL.</summary>
        public double TestKl { get; set; }
        /// <summary>Training items per second in this epoch.</summary>
        public double SamplesPerSecond { get; set; }
        /// <summary>Wall-clock seconds of this epoch.</summary>
        public double Seconds { get; set; }
        /// <summary>Steps of this epoch that were not applied because their loss or gradients were not finite.</summary>
        public int SkippedSteps { get; set; }
        /// <summary>Largest joint L2 norm of the gradients in this epoch's applied steps (before clipping).</summary>
        public double MaxGradientNorm { get; set; }
    }
}
