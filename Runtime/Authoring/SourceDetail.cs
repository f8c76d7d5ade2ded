using System;

namespace VaeProcgen.Authoring
{
    /// <summary>
    /// Puts a source sprite's detail back into its variations: the difference between the source and its reconstruction
    /// (what the model could not hold: dithering, small gems, one-pixel outlines) is added to each variation, in full
    /// where the variation's pixel equals the reconstruction's and fading out to nothing where any channel differs by
    /// <see cref="Gate"/> or more, so detail returns where the variation kept the sprite and leaves no ghost where it
    /// changed it. Stateless and thread-safe.
    /// </summary>
    internal static class SourceDetail
    {
        /// <summary>The channel difference (0-255) from the reconstruction at which a pixel takes none of the source's detail.</summary>
        public const int Gate = 128;

        /// <summary>Adds the detail to <paramref name="variation"/> in place; all three are RGBA32 sprites of one size.</summary>
        public static void Restore(ReadOnlySpan<byte> source, ReadOnlySpan<byte> reconstruction, Span<byte> variation)
        {
            for (int p = 0; p < variation.Length; p += 4)
            {
                int change = 0;
                for (int c = 0; c < 4; c++) change = Math.Max(change, Math.Abs(variation[p + c] - reconstruction[p + c]));
                if (change >= Gate) continue;
                double weight = 1 - change / (double)Gate;
                for (int c = 0; c < 4; c++)
                {
                    double detail = weight * (source[p + c] - reconstruction[p + c]);
                    variation[p + c] = (byte)Math.Max(0, Math.Min(255, Math.Round(variation[p + c] + detail, MidpointRounding.AwayFromZero)));
                }
            }
        }
    }
}
