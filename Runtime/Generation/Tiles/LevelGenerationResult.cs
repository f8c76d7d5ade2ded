using VaeProcgen.Generation.Playability;

namespace VaeProcgen.Generation.Tiles
{
    /// <summary>Outcome of <see cref="LevelGenerator.GenerateDetailed"/>.</summary>
    public sealed class LevelGenerationResult
    {
        /// <summary>Creates a result.</summary>
        public LevelGenerationResult(TileGrid grid, float[] probabilities, LevelRepairResult? repair, PlayabilityResult? playability = null, int decodeBatches = 0)
        {
            Grid = grid;
            Probabilities = probabilities;
            Repair = repair;
            Playability = playability;
            DecodeBatches = decodeBatches;
        }

        /// <summary>The generated (and, if requested, repaired) level.</summary>
        public TileGrid Grid { get; }

        /// <summary>The stitched tile probabilities of the whole level, planar [tiles, Grid.Height, Grid.Width].</summary>
        public float[] Probabilities { get; }

        /// <summary>The repair outcome, or null when repair was off (or was not applied because it broke playability).</summary>
        public LevelRepairResult? Repair { get; }

        /// <summary>The playability check of <see cref="Grid"/>, or null when generation ran without a checker.</summary>
        public PlayabilityResult? Playability { get; }

        /// <summary>True when the level was checked and passed (false when unchecked or failed).</summary>
        public bool IsPlayable => Playability?.Playable == true;

        /// <summary>Decoder batches used (checked generation only).</summary>
        public int DecodeBatches { get; }
    }
}
