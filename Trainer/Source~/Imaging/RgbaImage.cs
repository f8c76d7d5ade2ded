using System;

namespace VaeProcgen.Trainer.Imaging
{
    /// <summary>
    /// An 8-bit RGBA image: four bytes per pixel (red, green, blue, alpha), rows stored top row first,
    /// straight (not premultiplied) alpha.
    /// </summary>
    public sealed class RgbaImage
    {
        /// <summary>Creates a fully transparent black image.</summary>
        /// <param name="width">Width in pixels, at least 1.</param>
        /// <param name="height">Height in pixels, at least 1.</param>
        public RgbaImage(int width, int height)
            : this(width, height, new byte[checked(RequirePositive(width, nameof(width)) * RequirePositive(height, nameof(height)) * 4)])
        {
        }

        /// <summary>Wraps existing RGBA32 pixel bytes (not copied).</summary>
        /// <param name="width">Width in pixels, at least 1.</param>
        /// <param name="height">Height in pixels, at least 1.</param>
        /// <param name="pixels">Exactly width * height * 4 bytes, row-major, top row first.</param>
        public RgbaImage(int width, int height, byte[] pixels)
        {
            RequirePositive(width, nameof(width));
            RequirePositive(height, nameof(height));
            ArgumentNullException.ThrowIfNull(pixels);
            if (pixels.LongLength != (long)width * height * 4)
            {
                throw new ArgumentException(
                    $"Expected {(long)width * height * 4} pixel bytes for {width}x{height} RGBA, got {pixels.LongLength}.", nameof(pixels));
            }
            Width = width;
            Height = height;
            Pixels = pixels;
        }

        /// <summary>Width in pixels.</summary>
        public int Width { get; }

        /// <summary>Height in pixels.</summary>
        public int Height { get; }

        /// <summary>RGBA32 bytes, row-major, top row first, straight alpha; length Width * Height * 4.</summary>
        public byte[] Pixels { get; }

        /// <summary>Byte offset of pixel (x, y) in <see cref="Pixels"/>.</summary>
        public int OffsetOf(int x, int y) => (y * Width + x) * 4;

        /// <summary>Returns a deep copy of this image.</summary>
        public RgbaImage Clone() => new RgbaImage(Width, Height, (byte[])Pixels.Clone());

        private static int RequirePositive(int value, string name)
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(name, value, "Image dimensions must be at least 1.");
            }
            return value;
        }
    }
}
