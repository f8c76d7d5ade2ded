using System;
using System.Collections.Generic;
using System.Text;
using VaeProcgen.Contract;

namespace VaeProcgen.Generation.Tiles
{
    /// <summary>
    /// Compact text form of a set of 2x2 tile patterns, as stored under <see cref="ContractNames.KeyTilePatterns2x2"/>:
    /// every pattern is 4 legend characters (top-left, top-right, bottom-left, bottom-right), patterns concatenated
    /// without separators in ordinal order. Legend characters may be any character, so the fixed group length is the
    /// only delimiter.
    /// </summary>
    internal static class TilePatternText
    {
        private const int Size = 2;
        private const int GroupLength = Size * Size;

        /// <summary>Formats a set of 2x2 patterns with the legend's characters.</summary>
        public static string Format(TilePatternSet patterns, IReadOnlyList<TileLegendEntry> legend)
        {
            if (patterns == null) throw new ArgumentNullException(nameof(patterns));
            if (legend == null) throw new ArgumentNullException(nameof(legend));
            if (patterns.PatternSize != Size) throw new ArgumentException("Only 2x2 pattern sets have a text form.", nameof(patterns));
            var characters = new Dictionary<int, char>();
            foreach (TileLegendEntry entry in legend) characters[entry.Index] = entry.Character;
            var groups = new List<string>(patterns.Count);
            foreach (string key in patterns.PatternKeys)
            {
                var group = new char[GroupLength];
                for (int i = 0; i < GroupLength; i++)
                {
                    if (!characters.TryGetValue(key[i], out group[i]))
                        throw new ArgumentException($"Tile index {(int)key[i]} of a pattern is not in the legend.", nameof(legend));
                }
                groups.Add(new string(group));
            }
            groups.Sort(StringComparer.Ordinal);
            var text = new StringBuilder(groups.Count * GroupLength);
            foreach (string group in groups) text.Append(group);
            return text.ToString();
        }

        /// <summary>Parses the text form; null when its length is not a multiple of 4 or a character is not in the legend.</summary>
        public static TilePatternSet? Parse(string text, IReadOnlyList<TileLegendEntry> legend)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            if (legend == null) throw new ArgumentNullException(nameof(legend));
            if (text.Length % GroupLength != 0) return null;
            var indices = new Dictionary<char, int>();
            foreach (TileLegendEntry entry in legend) indices[entry.Character] = entry.Index;
            var grids = new List<TileGrid>(text.Length / GroupLength);
            for (int start = 0; start < text.Length; start += GroupLength)
            {
                var cells = new int[GroupLength];
                for (int i = 0; i < GroupLength; i++)
                {
                    if (!indices.TryGetValue(text[start + i], out cells[i])) return null;
                }
                grids.Add(TileGrid.Wrap(Size, Size, cells));
            }
            return new TilePatternSet(grids, Size);
        }
    }
}
