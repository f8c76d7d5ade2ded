using VaeProcgen.Generation.Playability;

namespace VaeProcgen.Generation.Tiles
{
    /// <summary>Settings of <see cref="LevelGenerator"/>.</summary>
    public sealed class LevelGenerationOptions
    {
        /// <summary>Candidate latents drawn for every segment; the best continuation wins (the first playable one when <see cref="Playability"/> is set). Default 8.</summary>
        public int CandidatesPerSegment { get; set; } = 8;

        /// <summary>Columns (rows for vertical levels) shared by neighbouring segments; their probabilities are cross-faded. Default 4.</summary>
        public int OverlapColumns { get; set; } = 4;

        /// <summary>Latent random-walk step a in z_next = sqrt(1 - a²) z + a·noise, in (0, 1]. Default 0.5.</summary>
        public double WalkStep { get; set; } = 0.5;

        /// <summary>Sampling temperature for the final tiles; 0 takes the most likely tile of each cell. Default 0.</summary>
        public double Temperature { get; set; }

        /// <summary>When set, the finished level is repaired against these seen 2x2 patterns with <see cref="LevelRepair"/> (a repair that would make a checked level unplayable is not applied).</summary>
        public TilePatternSet? RepairPatterns { get; set; }

        /// <summary>How windows make a level. Default <see cref="LevelLayout.Horizontal"/>.</summary>
        public LevelLayout Layout { get; set; } = LevelLayout.Horizontal;

        /// <summary>
        /// When set, every segment (every room) is checked as it is chosen, candidates that make the level unplayable are
        /// skipped, earlier segments are revisited when no candidate fits, and the result says whether the level is playable.
        /// </summary>
        public PlayabilityChecker? Playability { get; set; }

        /// <summary>When set, latents are drawn from this fitted prior (the training set's aggregate posterior) instead of N(0, I).</summary>
        public FittedLatentPrior? LatentPrior { get; set; }

        /// <summary>
        /// Scale of the fitted prior's spread around each training encoding (0 = decode the encodings themselves, 1 = the
        /// fitted prior). Default 0: with most-likely-tile decoding this gives coherent segments (no scattered single
        /// tiles) whose stitched levels stay new (novelty 1.0 on Mario, Kid Icarus and Lode Runner, docs/LEVELS.md).
        /// </summary>
        public double PriorSpread { get; set; }

        /// <summary>
        /// When set (with <see cref="Playability"/>, whose legend roles say which tiles are objects), object tiles lost by
        /// most-likely-tile decoding (gold, coins, keys, enemies) are placed by count: a training level's counts, scaled to the level's size, on empty cells drawn with the decoder's probability of the object (reachable ones in rooms); docs/LEVELS.md has the measurements.
        /// <see cref="TileModelExtensions.LevelOptions"/> sets it from the contract's training counts.
        /// </summary>
        public TileCountTable? ObjectCounts { get; set; }

        /// <summary>Most decoder batches (of <see cref="CandidatesPerSegment"/> latents) a checked level may use before giving up. Default 64.</summary>
        public int MaxDecodeBatches { get; set; } = 64;
    }
}
