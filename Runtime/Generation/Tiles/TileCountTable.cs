using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace VaeProcgen.Generation.Tiles
{
    /// <summary>
    /// How many tiles of each type every training level holds, stored in the contract under
    /// <see cref="VaeProcgen.Contract.ContractNames.KeyTileCounts"/> so generation can give rare object tiles (gold,
    /// coins, enemies) the counts of the originals. Text form: one group per level, groups separated by ';', each group
    /// the level's cell count followed by the count of every tile index, separated by ',' (e.g. "704,0,12,...").
    /// </summary>
    public sealed class TileCountTable
    {
        private readonly int[][] counts;
        private readonly int[] cells;

        private TileCountTable(int tiles, int[] cells, int[][] counts)
        {
            TileCount = tiles;
            this.cells = cells;
            this.counts = counts;
        }

        /// <summary>Number of tile types.</summary>
        public int TileCount { get; }

        /// <summary>Number of levels counted.</summary>
        public int LevelCount => cells.Length;

        /// <summary>Cells of level <paramref name="level"/>.</summary>
        public int Cells(int level) => cells[level];

        /// <summary>Tiles of type <paramref name="tile"/> in level <paramref name="level"/>.</summary>
        public int Count(int level, int tile) => counts[level][tile];

        /// <summary>Counts every tile type of every level.</summary>
        public static TileCountTable FromLevels(IReadOnlyList<TileGrid> levels, int tiles)
        {
            if (levels == null) throw new ArgumentNullException(nameof(levels));
            if (levels.Count == 0) throw new ArgumentException("At least one level is needed.", nameof(levels));
            if (tiles <= 0) throw new ArgumentOutOfRangeException(nameof(tiles), "At least one tile type is needed.");
            var cells = new int[levels.Count];
            var counts = new int[levels.Count][];
            for (int l = 0; l < levels.Count; l++)
            {
                cells[l] = levels[l].Height * levels[l].Width;
                counts[l] = new int[tiles];
                foreach (int t in levels[l].Cells)
                {
                    if ((uint)t >= (uint)tiles) throw new ArgumentException($"Tile index {t} is outside 0..{tiles - 1}.", nameof(levels));
                    counts[l][t]++;
                }
            }
            return new TileCountTable(tiles, cells, counts);
        }

        /// <summary>The contract's text form (see the class remarks).</summary>
        public string Format()
        {
            var text = new StringBuilder();
            for (int l = 0; l < cells.Length; l++)
            {
                if (l > 0) text.Append(';');
                text.Append(cells[l].ToString(CultureInfo.InvariantCulture));
                foreach (int c in counts[l]) text.Append(',').Append(c.ToString(CultureInfo.InvariantCulture));
            }
            return text.ToString();
        }

        /// <summary>Parses the text form for a legend of <paramref name="tiles"/> types; null when it is malformed (a group with the wrong number of values, a negative or non-integer value, counts above the level's cells).</summary>
        public static TileCountTable? Parse(string text, int tiles)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            if (tiles <= 0 || text.Length == 0) return null;
            string[] groups = text.Split(';');
            var cells = new int[groups.Length];
            var counts = new int[groups.Length][];
            for (int l = 0; l < groups.Length; l++)
            {
                string[] values = groups[l].Split(',');
                if (values.Length != tiles + 1) return null;
                if (!int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out cells[l]) || cells[l] <= 0) return null;
                counts[l] = new int[tiles];
                long sum = 0;
                for (int t = 0; t < tiles; t++)
                {
                    if (!int.TryParse(values[t + 1], NumberStyles.None, CultureInfo.InvariantCulture, out counts[l][t])) return null;
                    sum += counts[l][t];
                }
                if (sum > cells[l]) return null;
            }
            return new TileCountTable(tiles, cells, counts);
        }
    }
}
