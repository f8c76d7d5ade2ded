using System;
using System.Collections.Generic;

namespace VaeProcgen.Generation.Tiles
{
    /// <summary>
    /// Every k x k tile pattern present in a set of grids, stored exactly (the k*k tile indices, row-major),
    /// so membership has no hash collisions.
    /// </summary>
    public sealed class TilePatternSet
    {
        private readonly HashSet<string> patterns = new HashSet<string>(StringComparer.Ordinal);
        private readonly SortedSet<int> tiles = new SortedSet<int>();

        /// <summary>Collects the k x k patterns of every window of every grid (grids smaller than k add nothing).</summary>
        public TilePatternSet(IEnumerable<TileGrid> grids, int patternSize)
        {
            if (grids == null) throw new ArgumentNullException(nameof(grids));
            if (patternSize <= 0) throw new ArgumentOutOfRangeException(nameof(patternSize), "Pattern size must be positive.");
            PatternSize = patternSize;
            foreach (TileGrid grid in grids)
            {
                foreach (int cell in grid.Cells) tiles.Add(cell);
                for (int row = 0; row + patternSize <= grid.Height; row++)
                    for (int column = 0; column + patternSize <= grid.Width; column++)
                        patterns.Add(Key(grid, row, column, patternSize));
            }
            Table = patternSize == 2 && tiles.Count <= PatternTable.MaxAlphabet ? new PatternTable(this) : null;
        }

        /// <summary>The pattern side k.</summary>
        public int PatternSize { get; }

        /// <summary>Number of distinct patterns.</summary>
        public int Count => patterns.Count;

        /// <summary>The distinct tile indices that occur in the source grids, ascending.</summary>
        public IReadOnlyCollection<int> Tiles => tiles;

        /// <summary>True when the k x k window of <paramref name="grid"/> whose top-left cell is (row, column) is in the set.</summary>
        public bool Contains(TileGrid grid, int row, int column)
        {
            if (grid == null) throw new ArgumentNullException(nameof(grid));
            if (row < 0 || column < 0 || row + PatternSize > grid.Height || column + PatternSize > grid.Width)
                throw new ArgumentOutOfRangeException(nameof(row), "The window does not fit inside the grid.");
            return patterns.Contains(Key(grid, row, column, PatternSize));
        }

        /// <summary>True when the pattern (k*k tile indices, row-major) is in the set.</summary>
        public bool Contains(IReadOnlyList<int> pattern)
        {
            if (pattern == null) throw new ArgumentNullException(nameof(pattern));
            if (pattern.Count != PatternSize * PatternSize) throw new ArgumentException($"A pattern has {PatternSize * PatternSize} tiles.", nameof(pattern));
            var chars = new char[pattern.Count];
            for (int i = 0; i < chars.Length; i++) chars[i] = (char)pattern[i];
            return patterns.Contains(new string(chars));
        }

        /// <summary>Number of k x k windows of <paramref name="grid"/> that are not in the set.</summary>
        public int CountUnseen(TileGrid grid)
        {
            if (grid == null) throw new ArgumentNullException(nameof(grid));
            PatternTable? dense = Table;
            if (dense != null) return dense.CountUnseen(grid);
            int unseen = 0;
            for (int row = 0; row + PatternSize <= grid.Height; row++)
                for (int column = 0; column + PatternSize <= grid.Width; column++)
                    if (!patterns.Contains(Key(grid, row, column, PatternSize))) unseen++;
            return unseen;
        }

        /// <summary>Unseen windows divided by all k x k windows of the grid (0 when the grid is smaller than k).</summary>
        public double UnseenRate(TileGrid grid)
        {
            if (grid == null) throw new ArgumentNullException(nameof(grid));
            long windows = WindowCount(grid, PatternSize);
            return windows == 0 ? 0 : CountUnseen(grid) / (double)windows;
        }

        internal static long WindowCount(TileGrid grid, int size) =>
            grid.Height < size || grid.Width < size ? 0 : (long)(grid.Height - size + 1) * (grid.Width - size + 1);

        /// <summary>
        /// The 2x2 patterns as dense look-up tables, or null when the pattern size is not 2 or the set has more than
        /// <see cref="PatternTable.MaxAlphabet"/> tiles (built with the set, which never changes afterwards).
        /// </summary>
        internal PatternTable? Table { get; }

        /// <summary>The distinct patterns as exact keys (one char per tile index, row-major).</summary>
        internal IEnumerable<string> PatternKeys => patterns;

        /// <summary>Exact key of a k x k window: one char per tile index (indices must be below 65536).</summary>
        internal static string Key(TileGrid grid, int row, int column, int size) => WindowKey(grid, row, column, size, size);

        /// <summary>Exact key of a height x width window: one char per tile index, row-major.</summary>
        internal static string WindowKey(TileGrid grid, int row, int column, int height, int width)
        {
            var chars = new char[height * width];
            ReadOnlySpan<int> cells = grid.Cells;
            int i = 0;
            for (int r = 0; r < height; r++)
            {
                int start = (row + r) * grid.Width + column;
                for (int c = 0; c < width; c++) chars[i++] = (char)cells[start + c];
            }
            return new string(chars);
        }
    }
}
