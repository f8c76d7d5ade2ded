using System;

namespace VaeProcgen.Trainer.Imaging
{
    /// <summary>Brings images to the model's width and height according to a <see cref="SpriteFitMode"/>.</summary>
    public static class SpriteFitter
    {
        /// <summary>
        /// Returns a new image of exactly <paramref name="width"/> x <paramref name="height"/> pixels.
        /// The source is never modified; an image already at the target size is copied.
        /// </summary>
        public static RgbaImage Fit(RgbaImage source, int width, int height, SpriteFitMode mode)
        {
            ArgumentNullException.ThrowIfNull(source);
            ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
            if (source.Width == width && source.Height == height)
            {
                return source.Clone();
            }
            return mode switch
            {
                SpriteFitMode.Scale => ScaleNearest(source, width, height),
                // Pad and Crop place the sprite identically: centred, with overhang cut and gaps transparent.
                SpriteFitMode.Pad or SpriteFitMode.Crop => PlaceCentred(source, width, height),
                _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown fit mode."),
            };
        }

        /// <summary>Nearest-neighbour resize sampling each target pixel's centre.</summary>
        public static RgbaImage ScaleNearest(RgbaImage source, int width, int height)
        {
            ArgumentNullException.ThrowIfNull(source);
            var target = new RgbaImage(width, height);
            for (int y = 0; y < height; y++)
            {
                int sourceY = (int)(((2L * y + 1) * source.Height) / (2L * height));
                for (int x = 0; x < width; x++)
                {
                    int sourceX = (int)(((2L * x + 1) * source.Width) / (2L * width));
                    Buffer.BlockCopy(source.Pixels, source.OffsetOf(sourceX, sourceY), target.Pixels, target.OffsetOf(x, y), 4);
                }
            }
            return target;
        }

        /// <summary>Centres the source on a transparent canvas, cutting whatever overhangs.</summary>
        private static RgbaImage PlaceCentred(RgbaImage source, int width, int height)
        {
            var target = new RgbaImage(width, height);
            int offsetX = (width - source.Width) / 2;
            int offsetY = (height - source.Height) / 2;
            int firstX = Math.Max(0, offsetX);
            int lastX = Math.Min(width, offsetX + source.Width);
            if (lastX <= firstX)
            {
                return target;
            }
            for (int y = Math.Max(0, offsetY); y < Math.Min(height, offsetY + source.Height); y++)
            {
                Buffer.BlockCopy(
                    source.Pixels, source.OffsetOf(firstX - offsetX, y - offsetY),
                    target.Pixels, target.OffsetOf(firstX, y),
                    (lastX - firstX) * 4);
            }
            return target;
        }
    }
}
