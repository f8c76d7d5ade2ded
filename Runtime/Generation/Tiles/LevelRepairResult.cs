namespace VaeProcgen.Generation.Tiles
{
    /// <summary>Outcome of <see cref="LevelRepair.Repair"/>.</summary>
    public sealed class LevelRepairResult
    {
        /// <summary>Creates a result.</summary>
        public LevelRepairResult(TileGrid grid, int changedCells, int unseenBefore, int unseenAfter)
        {
            Grid = grid;
            ChangedCells = changedCells;
            UnseenBefore = unseenBefore;
            UnseenAfter = unseenAfter;
        }

        /// <summary>The repaired grid (the input grid unchanged when repair failed).</summary>
        public TileGrid Grid { get; }

        /// <summary>Number of cells whose tile was rewritten.</summary>
        public int ChangedCells { get; }

        /// <summary>Unseen 2x2 windows of the input grid.</summary>
        public int UnseenBefore { get; }

        /// <summary>Unseen 2x2 windows of <see cref="Grid"/>.</summary>
        public int UnseenAfter { get; }

        /// <summary>True when every 2x2 window of <see cref="Grid"/> is a seen pattern.</summary>
        public bool Succeeded => UnseenAfter == 0;
    }
}
