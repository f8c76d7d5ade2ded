namespace VaeProcgen.Generation.Tiles
{
    /// <summary>Settings of <see cref="LevelGenerator"/>.</summary>
    public sealed class LevelGenerationOptions
    {
        /// <summary>Candidate latents drawn for every segment after the first; the best continuation wins. Default 8.</summary>
        public int CandidatesPerSegment { get; set; } = 8;

        /// <summary>Columns shared by neighbouring segments; their probabilities are cross-faded. Default 4.</summary>
        public int OverlapColumns { get; set; } = 4;

        /// <summary>Latent random-walk step a in z_next = sqrt(1 - a²) z + a·noise, in (0, 1]. Default 0.5.</summary>
        public double WalkStep { get; set; } = 0.5;

        /// <summary>Sampling temperature for the final tiles; 0 takes the most likely tile of each cell. Default 0.</summary>
        public double Temperature { get; set; }

        /// <summary>When set, the finished level is repaired against these seen 2x2 patterns with <see cref="LevelRepair"/>.</summary>
        public TilePatternSet? RepairPatterns { get; set; }
    }
}
