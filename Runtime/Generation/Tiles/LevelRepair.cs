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
    /// Cost is about width * beam * height * tiles² table look-ups, so a 14 x 200 level takes milliseconds; a level whose
    /// unseen windows are a few spots is repaired span by span around them (see <c>RepairLocally</c>), which on generated
    /// Mario levels covers a fraction of the columns.
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
            TileGrid? local = RepairLocally(grid, table, probabilities, beamWidth);
            if (local != null) return new LevelRepairResult(local, grid.CountDifferences(local), unseenBefore, 0);
            TileGrid? repaired = Search(grid, table, probabilities, beamWidth);
            if (repaired == null) return new LevelRepairResult(grid, 0, unseenBefore, unseenBefore);
            return new LevelRepairResult(repaired, grid.CountDifferences(repaired), unseenBefore, seenPatterns.CountUnseen(repaired));
        }

        /// <summary>The beam search over the whole grid, widening the beam when it dies out; null when even the widest fails.</summary>
        private static TileGrid? Search(TileGrid grid, PatternTable table, float[]? probabilities, int beamWidth)
        {
            RepairSearch problem = search ??= new RepairSearch();
            problem.Prepare(grid, table, probabilities);
            for (int width = beamWidth; ; width = Math.Min(width * 4, MaxBeamWidth))
            {
                TileGrid? repaired = problem.Search(width);
                if (repaired != null || width >= MaxBeamWidth) return repaired;
            }
        }

        /// <summary>
        /// Repairs only the column spans around unseen windows (each widened by <see cref="LocalMargin"/> columns on both
        /// sides, overlapping spans merged) and keeps the rest of the level as it is: a generated level has a few problem
        /// spots, and the search's cost grows with the columns it covers. A span's repair is used only when it leaves its
        /// outer columns unchanged (so the windows across its seams are the original, seen ones). Null when the unseen
        /// windows cover most of the grid or a span cannot be repaired that way; the caller then repairs the whole grid.
        /// </summary>
        private static TileGrid? RepairLocally(TileGrid grid, PatternTable table, float[]? probabilities, int beamWidth)
        {
            int width = grid.Width, height = grid.Height;
            var unseen = new bool[width];
            table.MarkUnseenColumns(grid, unseen);
            var spans = new System.Collections.Generic.List<(int First, int Last)>();
            for (int c = 0; c + 1 < width; c++)
            {
                if (!unseen[c]) continue;
                int first = Math.Max(0, c - LocalMargin), last = Math.Min(width - 1, c + 1 + LocalMargin);
                if (spans.Count > 0 && first <= spans[spans.Count - 1].Last + 1) spans[spans.Count - 1] = (spans[spans.Count - 1].First, last);
                else spans.Add((first, last));
            }
            int covered = 0;
            foreach (var (first, last) in spans) covered += last - first + 1;
            if (covered * 2 > width) return null;
            int[] cells = grid.ToArray();
            int tiles = probabilities == null ? 0 : probabilities.Length / (height * width);
            foreach (var (first, last) in spans)
            {
                int columns = last - first + 1;
                TileGrid part = grid.Crop(0, first, height, columns);
                float[]? partProbabilities = null;
                if (probabilities != null)
                {
                    partProbabilities = new float[tiles * height * columns];
                    for (int t = 0; t < tiles; t++)
                        for (int r = 0; r < height; r++)
                            Array.Copy(probabilities, (t * height + r) * width + first, partProbabilities, (t * height + r) * columns, columns);
                }
                TileGrid? fixedPart = Search(part, table, partProbabilities, beamWidth);
                if (fixedPart == null) return null;
                for (int r = 0; r < height; r++)
                {
                    if (first > 0 && fixedPart[r, 0] != part[r, 0]) return null;
                    if (last < width - 1 && fixedPart[r, columns - 1] != part[r, columns - 1]) return null;
                    for (int c = 0; c < columns; c++) cells[r * width + first + c] = fixedPart[r, c];
                }
            }
            TileGrid result = TileGrid.Wrap(height, width, cells);
            return table.CountUnseen(result) == 0 ? result : null;
        }

        /// <summary>Columns kept on each side of an unseen window when only its surroundings are repaired.</summary>
        internal const int LocalMargin = 4;
    }
}
