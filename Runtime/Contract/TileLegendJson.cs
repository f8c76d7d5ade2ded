using System;
using System.Collections.Generic;
using System.Text;

namespace VaeProcgen.Contract
{
    /// <summary>Reads and writes the tile legend value of the contract: [{"char":"X","index":0,"tags":["solid"]}, ...].</summary>
    internal static class TileLegendJson
    {
        /// <summary>Serialises entries in index order.</summary>
        public static string Format(IReadOnlyList<TileLegendEntry> entries)
        {
            var sb = new StringBuilder("[");
            for (int i = 0; i < entries.Count; i++)
            {
                if (i > 0) sb.Append(',');
                TileLegendEntry e = entries[i];
                sb.Append("{\"char\":").Append(ContractJson.Quote(e.Character.ToString())).Append(",\"index\":").Append(e.Index).Append(",\"tags\":[");
                for (int t = 0; t < e.Tags.Count; t++)
                {
                    if (t > 0) sb.Append(',');
                    sb.Append(ContractJson.Quote(e.Tags[t]));
                }
                sb.Append("]}");
            }
            return sb.Append(']').ToString();
        }

        /// <summary>
        /// Parses a legend with exactly <paramref name="channels"/> entries whose indices are 0..channels-1 and
        /// whose characters are distinct; returns null when the text is not such a legend.
        /// </summary>
        public static IReadOnlyList<TileLegendEntry>? Parse(string text, int channels)
        {
            object? root;
            try { root = ContractJson.Parse(text); }
            catch (FormatException) { return null; }
            if (!(root is List<object?> items) || items.Count != channels) return null;
            var byIndex = new TileLegendEntry?[channels];
            var seen = new HashSet<char>();
            foreach (object? item in items)
            {
                if (!(item is Dictionary<string, object?> fields)) return null;
                if (!fields.TryGetValue("char", out object? c) || !(c is string s) || s.Length != 1 || !seen.Add(s[0])) return null;
                if (!fields.TryGetValue("index", out object? i) || !(i is double d) || d != Math.Floor(d) || d < 0 || d >= channels) return null;
                var tags = new List<string>();
                if (fields.TryGetValue("tags", out object? t) && t is List<object?> tagList)
                {
                    foreach (object? tag in tagList)
                    {
                        if (!(tag is string ts)) return null;
                        tags.Add(ts);
                    }
                }
                int index = (int)d;
                if (byIndex[index] != null) return null;
                byIndex[index] = new TileLegendEntry(s[0], index, tags);
            }
            var result = new TileLegendEntry[channels];
            for (int k = 0; k < channels; k++) result[k] = byIndex[k]!;
            return result;
        }
    }
}
