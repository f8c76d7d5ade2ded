using System;

namespace VaeProcgen.Authoring
{
    /// <summary>The write shared by the snappers: hard alpha and a 0xRRGGBBAA colour into RGBA32 pixels.</summary>
    internal static class SnappedPixel
    {
        /// <summary>Clears the pixel at byte offset <paramref name="p"/> to (0,0,0,0) when its alpha is below the threshold.</summary>
        /// <returns>True when the pixel was cleared (nothing left to snap).</returns>
        public static bool ClearIfTransparent(Span<byte> rgba, int p, byte alphaThreshold)
        {
            if (rgba[p + 3] >= alphaThreshold) return false;
            rgba[p] = rgba[p + 1] = rgba[p + 2] = rgba[p + 3] = 0;
            return true;
        }

        /// <summary>Writes <paramref name="colour"/> (0xRRGGBBAA, alpha ignored) fully opaque at byte offset <paramref name="p"/>.</summary>
        public static void WriteOpaque(Span<byte> rgba, int p, uint colour)
        {
            rgba[p] = (byte)(colour >> 24);
            rgba[p + 1] = (byte)(colour >> 16);
            rgba[p + 2] = (byte)(colour >> 8);
            rgba[p + 3] = 255;
        }
    }
}
