using System.Collections.Generic;

namespace VaeProcgen.Trainer.Training
{
    /// <summary>Where a run is: enough, with the weights and the optimizer state, to continue it exactly.</summary>
    public sealed class TrainingProgressState
    {
        /// <summary>0-based epoch in progress (equals the epoch count when the run is complete).</summary>
        public int Epoch { get; set; }
        /// <summary>Next batch index inside <see cref="Epoch"/>.</summary>
        public int NextBatch { get; set; }
        /// <summary>Adam steps taken so far.</summary>
        public long GlobalStep { get; set; }
        /// <summary>Sum of per-item training loss in the current epoch so far.</summary>
        public double EpochLossSum { get; set; }
        /// <summary>Items seen in the current epoch so far.</summary>
        public long EpochItems { get; set; }
        /// <summary>Training seconds spent in the current epoch before an interruption.</summary>
        public double EpochSeconds { get; set; }
        /// <summary>Smoothed gradient-norm ratio the adversarial term is scaled by (0 until the term starts).</summary>
        public double AdversarialRatio { get; set; }
        /// <summary>Smoothed gradient-norm ratio the feature-matching term is scaled by (0 until the term starts).</summary>
        public double FeatureMatchingRatio { get; set; }
        /// <summary>Smoothed gradient-norm ratio the local-contrast term is scaled by (0 before its first step).</summary>
        public double LocalContrastRatio { get; set; }
        /// <summary>Metrics of every finished epoch.</summary>
        public List<EpochMetrics> History { get; set; } = new List<EpochMetrics>();
    }
}
