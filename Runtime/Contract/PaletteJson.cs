using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace VaeProcgen.Contract
{
    /// <summary>Reads and writes the palette value of the contract: ["#RRGGBBAA", ...] (colour = 0xRRGGBBAA).</summary>
    internal static class PaletteJson
    {
        /// <summary>Maximum colours a palette may hold.</summary>
        public const int MaxColours = 4096;

        /// <summary>Serialises colours (each 0xRRGGBBAA).</summary>
        public static string Format(IReadOnlyList<uint> colours)
        {
            var sb = new StringBuilder("[");
            for (int i = 0; i < colours.Count; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append("\"#").Append(colours[i].ToString("X8", CultureInfo.InvariantCulture)).Append('"');
            }
            return sb.Append(']').ToString();
        }

        /// <summary>Parses a palette; null when malformed or longer than <see cref="MaxColours"/>.</summary>
        public static IReadOnlyList<uint>? Parse(string text)
        {
            List<string> items;
            try { items = ContractJson.ParseStringArray(text); }
            catch (FormatException) { return null; }
            if (items.Count > MaxColours) return null;
            var colours = new uint[items.Count];
            for (int i = 0; i < items.Count; i++)
            {
                string s = items[i];
                if (s.Length != 9 || s[0] != '#' || !uint.TryParse(s.Substring(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out colours[i])) return null;
            }
            return colours;
        }
    }
}
