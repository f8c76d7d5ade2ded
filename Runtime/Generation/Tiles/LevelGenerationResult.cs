namespace VaeProcgen.Generation.Tiles
{
    /// <summary>Outcome of <see cref="LevelGenerator.GenerateDetailed"/>.</summary>
    public sealed class LevelGenerationResult
    {
        /// <summary>Creates a result.</summary>
        public LevelGenerationResult(TileGrid grid, float[] probabilities, LevelRepairResult? repair)
        {
            Grid = grid;
            Probabilities = probabilities;
            Repair = repair;
        }

        /// <summary>The generated (and, if requested, repaired) level.</summary>
        public TileGrid Grid { get; }

        /// <summary>The stitched tile probabilities of the whole level, planar [tiles, height, Grid.Width].</summary>
        public float[] Probabilities { get; }

        /// <summary>The repair outcome, or null when repair was off.</summary>
        public LevelRepairResult? Repair { get; }
    }
}
