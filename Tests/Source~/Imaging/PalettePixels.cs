using System.Collections.Generic;

namespace VaeProcgen.Tests.Imaging
{
    /// <summary>Checks on sprites snapped to a training palette (colours packed 0xRRGGBBAA, as the contract stores them).</summary>
    internal static class PalettePixels
    {
        /// <summary>Indices of the pixels of <paramref name="rgba"/> that are neither fully transparent black nor a palette colour.</summary>
        public static List<int> Stray(byte[] rgba, ISet<uint> palette)
        {
            var stray = new List<int>();
            for (int i = 0; i < rgba.Length; i += 4)
            {
                uint colour = ((uint)rgba[i] << 24) | ((uint)rgba[i + 1] << 16) | ((uint)rgba[i + 2] << 8) | rgba[i + 3];
                if (colour != 0 && !palette.Contains(colour)) stray.Add(i / 4);
            }
            return stray;
        }
    }
}
