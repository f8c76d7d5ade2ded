using System;

namespace VaeProcgen.Generation.Tiles
{
    /// <summary>
    /// Rewrites as few cells as it can so that every 2x2 window of a grid is a pattern seen in training.
    /// <para>
    /// Design: a beam search over columns, left to right. A state is a whole column (plus its history). Given the
    /// previous column, the best next column for each possible bottom tile is found exactly by dynamic programming
    /// down the rows (a transition row r-1 → r is allowed only when the 2x2 window formed with the previous column
    /// is seen); the first column only needs each vertical pair to be the left column of some seen pattern.
    /// States are ranked by (changed cells, then negative log-likelihood of the chosen tiles under the optional
    /// probabilities), equal columns are merged keeping the best history (Viterbi), and the best
    /// <c>beamWidth</c> survive. If the beam dies out the search restarts with a four times wider beam (up to 256);
    /// if that also fails the input is returned with <see cref="LevelRepairResult.Succeeded"/> false.
    /// Cost is about width * beam * height * tiles² table look-ups, so a 14 x 200 level takes milliseconds.
    /// Fully deterministic (ties are broken by tile order). The search runs on per-thread buffers that are reused from
    /// level to level (see <c>RepairSearch</c>), so after warm-up a repair allocates little more than its result.
    /// </para>
    /// </summary>
    internal static class LevelRepair
    {
        private const int MaxBeamWidth = 256;

        [ThreadStatic] private static RepairSearch? search;

        /// <summary>
        /// Repairs <paramref name="grid"/> against the 2x2 patterns in <paramref name="seenPatterns"/> (whose pattern size must be 2).
        /// <paramref name="probabilities"/>, when given, are planar [tiles, grid.Height, grid.Width] and break ties between
        /// equally short repairs in favour of likely tiles.
        /// </summary>
        public static LevelRepairResult Repair(TileGrid grid, TilePatternSet seenPatterns, float[]? probabilities = null, int beamWidth = 16)
        {
            if (grid == null) throw new ArgumentNullException(nameof(grid));
            if (seenPatterns == null) throw new ArgumentNullException(nameof(seenPatterns));
            if (seenPatterns.PatternSize != 2) throw new ArgumentException("Repair needs a set of 2x2 patterns.", nameof(seenPatterns));
            if (beamWidth <= 0) throw new ArgumentOutOfRangeException(nameof(beamWidth), "Beam width must be positive.");
            int plane = grid.Height * grid.Width;
            if (probabilities != null && (probabilities.Length == 0 || probabilities.Length % plane != 0))
                throw new ArgumentException($"Probabilities must be planar [tiles, {grid.Height}, {grid.Width}].", nameof(probabilities));

            int unseenBefore = seenPatterns.CountUnseen(grid);
            if (unseenBefore == 0 || seenPatterns.Count == 0) return new LevelRepairResult(grid, 0, unseenBefore, unseenBefore);

            PatternTable table = seenPatterns.Table
                ?? throw new ArgumentException($"Repair supports at most {PatternTable.MaxAlphabet} distinct tiles.", nameof(seenPatterns));
            RepairSearch problem = search ??= new RepairSearch();
            problem.Prepare(grid, table, probabilities);
            for (int width = beamWidth; ; width = Math.Min(width * 4, MaxBeamWidth))
            {
                TileGrid? repaired = problem.Search(width);
                if (repaired != null)
                {
                    int after = seenPatterns.CountUnseen(repaired);
                    return new LevelRepairResult(repaired, grid.CountDifferences(repaired), unseenBefore, after);
                }
                if (width >= MaxBeamWidth) return new LevelRepairResult(grid, 0, unseenBefore, unseenBefore);
            }
        }
    }
}
