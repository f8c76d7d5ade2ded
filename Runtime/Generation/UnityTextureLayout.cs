using System;

namespace VaeProcgen.Generation
{
    /// <summary>
    /// Row order conversion for Unity textures. The runtime writes RGBA32 top row first; Unity's
    /// Texture2D.LoadRawTextureData (TextureFormat.RGBA32) expects the bottom row first.
    /// </summary>
    public static class UnityTextureLayout
    {
        /// <summary>
        /// Copies <paramref name="rgbaTopRowFirst"/> (width*height*4 bytes) into <paramref name="bottomRowFirst"/>
        /// with the rows in reverse order. The two spans must not overlap.
        /// </summary>
        public static void FlipRowsForTexture(ReadOnlySpan<byte> rgbaTopRowFirst, int width, int height, Span<byte> bottomRowFirst)
        {
            if (width <= 0) throw new ArgumentOutOfRangeException(nameof(width), width, "Width must be positive.");
            if (height <= 0) throw new ArgumentOutOfRangeException(nameof(height), height, "Height must be positive.");
            int rowBytes = checked(width * 4);
            int total = checked(rowBytes * height);
            if (rgbaTopRowFirst.Length != total)
            {
                throw new ArgumentException($"Source holds {rgbaTopRowFirst.Length} bytes; {width}x{height} RGBA32 needs {total}.", nameof(rgbaTopRowFirst));
            }
            if (bottomRowFirst.Length < total)
            {
                throw new ArgumentException($"Destination holds {bottomRowFirst.Length} bytes; {total} are needed.", nameof(bottomRowFirst));
            }
            for (int row = 0; row < height; row++)
            {
                rgbaTopRowFirst.Slice(row * rowBytes, rowBytes).CopyTo(bottomRowFirst.Slice((height - 1 - row) * rowBytes, rowBytes));
            }
        }

        /// <summary>Allocating form of <see cref="FlipRowsForTexture(ReadOnlySpan{byte}, int, int, Span{byte})"/>.</summary>
        public static byte[] FlipRowsForTexture(byte[] rgbaTopRowFirst, int width, int height)
        {
            if (rgbaTopRowFirst == null) throw new ArgumentNullException(nameof(rgbaTopRowFirst));
            var result = new byte[rgbaTopRowFirst.Length];
            FlipRowsForTexture(rgbaTopRowFirst, width, height, result);
            return result;
        }
    }
}
