using System;

namespace VaeProcgen.Generation
{
    /// <summary>
    /// Converts between the model's planar layout (R, G, B, A planes of values in [0,1]) and RGBA32 bytes
    /// (row-major, top row first, straight alpha). Thread-safe (stateless).
    /// </summary>
    internal static class SpritePixels
    {
        /// <summary>Planar [4,H,W] floats to interleaved RGBA32 bytes (rounded, clamped).</summary>
        public static void PlanarToRgba(ReadOnlySpan<float> planar, Span<byte> rgba)
        {
            int pixels = planar.Length / 4;
            if (rgba.Length < pixels * 4) throw new ArgumentException($"The RGBA buffer holds {rgba.Length} bytes but {pixels * 4} are needed.", nameof(rgba));
            for (int c = 0; c < 4; c++)
            {
                ReadOnlySpan<float> plane = planar.Slice(c * pixels, pixels);
                for (int p = 0; p < pixels; p++)
                {
                    float v = plane[p] * 255f + 0.5f;
                    rgba[p * 4 + c] = v >= 255f ? (byte)255 : v > 0f ? (byte)v : (byte)0;
                }
            }
        }

        /// <summary>Interleaved RGBA32 bytes to planar [4,H,W] floats in [0,1]; fully transparent pixels get RGB 0 (as in training).</summary>
        public static void RgbaToPlanar(ReadOnlySpan<byte> rgba, Span<float> planar)
        {
            int pixels = rgba.Length / 4;
            if (planar.Length < pixels * 4) throw new ArgumentException($"The planar buffer holds {planar.Length} values but {pixels * 4} are needed.", nameof(planar));
            for (int p = 0; p < pixels; p++)
            {
                bool transparent = rgba[p * 4 + 3] == 0;
                for (int c = 0; c < 4; c++)
                {
                    planar[c * pixels + p] = transparent ? 0f : rgba[p * 4 + c] / 255f;
                }
            }
        }
    }
}
