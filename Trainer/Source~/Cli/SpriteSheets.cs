using System.Collections.Generic;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>Turns decoded RGBA sprites into a scaled-up grid PNG with transparency kept.</summary>
    internal static class SpriteSheets
    {
        public const int ViewScale = 4;

        public static List<RgbaImage> Split(byte[] rgba, int count, int width, int height)
        {
            var images = new List<RgbaImage>(count);
            int size = width * height * 4;
            for (int n = 0; n < count; n++)
            {
                var pixels = new byte[size];
                System.Array.Copy(rgba, n * size, pixels, 0, size);
                images.Add(new RgbaImage(width, height, pixels));
            }
            return images;
        }

        public static void SaveGrid(IReadOnlyList<RgbaImage> cells, int columns, string path) =>
            PngCodec.Save(ImageGrid.Compose(cells, columns, ViewScale, 2), path);

        public static int ColumnsFor(int count)
        {
            int columns = 1;
            while (columns * columns < count) columns++;
            return columns;
        }
    }
}
