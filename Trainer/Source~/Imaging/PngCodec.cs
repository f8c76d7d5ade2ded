using System;
using System.IO;
using StbImageSharp;
using VaeProcgen.Trainer.Data;
using ReadComponents = StbImageSharp.ColorComponents;
using WriteComponents = StbImageWriteSharp.ColorComponents;
using PngWriter = StbImageWriteSharp.ImageWriter;

namespace VaeProcgen.Trainer.Imaging
{
    /// <summary>
    /// Reads any PNG (every colour type and bit depth, palette with tRNS, interlaced) into straight-alpha
    /// 8-bit <see cref="RgbaImage"/>s and writes RGBA PNGs.
    /// </summary>
    public static class PngCodec
    {
        /// <summary>Largest width * height accepted by <see cref="Decode(byte[], string)"/>: 16 M pixels.</summary>
        public const long DefaultMaxPixels = 16L * 1024 * 1024;

        /// <summary>
        /// Decodes PNG bytes to RGBA. Fully transparent pixels get RGB 0. Files whose header declares more than
        /// <see cref="DefaultMaxPixels"/> pixels are refused before any pixel memory is allocated.
        /// </summary>
        /// <param name="bytes">The whole PNG file.</param>
        /// <param name="sourceName">File name used in error messages.</param>
        /// <exception cref="DataLoadException">Empty, not a PNG, truncated, corrupt or too large.</exception>
        public static RgbaImage Decode(byte[] bytes, string sourceName) => Decode(bytes, sourceName, DefaultMaxPixels);

        /// <summary>Decodes PNG bytes to RGBA with a custom pixel-count limit; see <see cref="Decode(byte[], string)"/>.</summary>
        /// <param name="bytes">The whole PNG file.</param>
        /// <param name="sourceName">File name used in error messages.</param>
        /// <param name="maxPixels">Largest declared width * height accepted.</param>
        public static RgbaImage Decode(byte[] bytes, string sourceName, long maxPixels)
        {
            ArgumentNullException.ThrowIfNull(sourceName);
            var (width, height) = PngStructureCheck.Validate(bytes, sourceName, maxPixels);
            ImageResult result;
            try
            {
                result = ImageResult.FromMemory(bytes, ReadComponents.RedGreenBlueAlpha);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw PngStructureCheck.Corrupt(sourceName, "its pixel data cannot be decoded: " + ex.Message.TrimEnd('.'), ex);
            }
            if (result == null || result.Data == null || result.Width != width || result.Height != height
                || result.Data.Length != width * height * 4)
            {
                throw PngStructureCheck.Corrupt(sourceName, "the decoder returned no usable pixels");
            }
            var image = new RgbaImage(width, height, result.Data);
            ClearTransparentColour(image);
            return image;
        }

        /// <summary>Sets RGB to 0 wherever alpha is 0 (files often carry arbitrary colours under full transparency).</summary>
        public static void ClearTransparentColour(RgbaImage image)
        {
            ArgumentNullException.ThrowIfNull(image);
            var pixels = image.Pixels;
            for (int i = 0; i < pixels.Length; i += 4)
            {
                if (pixels[i + 3] == 0)
                {
                    pixels[i] = 0;
                    pixels[i + 1] = 0;
                    pixels[i + 2] = 0;
                }
            }
        }

        /// <summary>Encodes the image as an 8-bit RGBA PNG.</summary>
        public static byte[] Encode(RgbaImage image)
        {
            ArgumentNullException.ThrowIfNull(image);
            using var stream = new MemoryStream();
            new PngWriter().WritePng(image.Pixels, image.Width, image.Height, WriteComponents.RedGreenBlueAlpha, stream);
            return stream.ToArray();
        }

        /// <summary>
        /// Writes the image as a PNG atomically: to a temporary file in the same folder, then moved over
        /// <paramref name="path"/>, so readers never see a half-written file. Creates the folder if needed.
        /// </summary>
        public static void Save(RgbaImage image, string path)
        {
            ArgumentNullException.ThrowIfNull(image);
            ArgumentException.ThrowIfNullOrEmpty(path);
            string fullPath = Path.GetFullPath(path);
            string folder = Path.GetDirectoryName(fullPath) ?? ".";
            Directory.CreateDirectory(folder);
            string tempPath = Path.Combine(folder, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                File.WriteAllBytes(tempPath, Encode(image));
                File.Move(tempPath, fullPath, overwrite: true);
            }
            finally
            {
                if (File.Exists(tempPath))
                {
                    File.Delete(tempPath);
                }
            }
        }
    }
}
