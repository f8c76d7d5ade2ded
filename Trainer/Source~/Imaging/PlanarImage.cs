using System;

namespace VaeProcgen.Trainer.Imaging
{
    /// <summary>
    /// Converts between <see cref="RgbaImage"/> and the model's channel-planar float layout:
    /// 4 planes (R, G, B, A) of Height x Width values in [0, 1].
    /// </summary>
    public static class PlanarImage
    {
        /// <summary>Builds an image from 4 x height x width planar floats; values are scaled by 255, rounded and clamped.</summary>
        public static RgbaImage FromPlanar(ReadOnlySpan<float> chw, int width, int height)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
            int plane = checked(width * height);
            if (chw.Length < 4L * plane)
            {
                throw new ArgumentException($"Expected at least {4L * plane} floats for 4x{height}x{width}, got {chw.Length}.", nameof(chw));
            }
            var image = new RgbaImage(width, height);
            var pixels = image.Pixels;
            for (int channel = 0; channel < 4; channel++)
            {
                var values = chw.Slice(channel * plane, plane);
                for (int i = 0; i < plane; i++)
                {
                    pixels[i * 4 + channel] = ToByte(values[i]);
                }
            }
            return image;
        }

        /// <summary>Writes the image as 4 x Height x Width planar floats in [0, 1] into <paramref name="destination"/>.</summary>
        public static void ToPlanar(RgbaImage image, Span<float> destination)
        {
            ArgumentNullException.ThrowIfNull(image);
            int plane = image.Width * image.Height;
            if (destination.Length < 4L * plane)
            {
                throw new ArgumentException($"Destination holds {destination.Length} floats; {4L * plane} are needed.", nameof(destination));
            }
            var pixels = image.Pixels;
            for (int channel = 0; channel < 4; channel++)
            {
                var values = destination.Slice(channel * plane, plane);
                for (int i = 0; i < plane; i++)
                {
                    values[i] = pixels[i * 4 + channel] / 255f;
                }
            }
        }

        private static byte ToByte(float value)
        {
            if (float.IsNaN(value))
            {
                return 0;
            }
            float scaled = MathF.Round(value * 255f, MidpointRounding.AwayFromZero);
            return (byte)Math.Clamp(scaled, 0f, 255f);
        }
    }
}
