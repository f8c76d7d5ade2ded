using NUnit.Framework;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Tests.Imaging
{
    [TestFixture]
    public class ImageGridTests
    {
        private static RgbaImage Solid(int width, int height, byte red)
        {
            var image = new RgbaImage(width, height);
            for (int i = 0; i < image.Pixels.Length; i += 4)
            {
                image.Pixels[i] = red;
                image.Pixels[i + 3] = 255;
            }
            return image;
        }

        [Test]
        public void Compose_HasExpectedSize()
        {
            var cells = new[] { Solid(4, 3, 1), Solid(4, 3, 2), Solid(4, 3, 3), Solid(4, 3, 4), Solid(4, 3, 5) };
            var grid = ImageGrid.Compose(cells, columns: 2, scale: 3, padding: 2);
            Assert.That(grid.Width, Is.EqualTo(2 * 12 + 3 * 2));
            Assert.That(grid.Height, Is.EqualTo(3 * 9 + 4 * 2));
        }

        [Test]
        public void Compose_PlacesScaledCellsAndKeepsTransparentBackground()
        {
            var cells = new[] { Solid(2, 2, 10), Solid(2, 2, 20), Solid(2, 2, 30) };
            cells[1].Pixels[3] = 0; // top-left pixel of cell 1 transparent
            cells[1].Pixels[0] = 0;
            var grid = ImageGrid.Compose(cells, columns: 2, scale: 2, padding: 1);

            int Red(int x, int y) => grid.Pixels[grid.OffsetOf(x, y)];
            int Alpha(int x, int y) => grid.Pixels[grid.OffsetOf(x, y) + 3];

            Assert.That((grid.Width, grid.Height), Is.EqualTo((11, 11)));
            Assert.That(Alpha(0, 0), Is.EqualTo(0), "padding is transparent");
            Assert.That((Red(1, 1), Red(4, 4), Alpha(4, 4)), Is.EqualTo((10, 10, 255)), "cell 0 spans 1..4");
            Assert.That(Alpha(5, 1), Is.EqualTo(0), "gap between columns");
            Assert.That((Alpha(6, 1), Alpha(7, 2)), Is.EqualTo((0, 0)), "cell 1's transparent pixel, scaled 2x");
            Assert.That((Red(8, 1), Red(9, 4)), Is.EqualTo((20, 20)), "rest of cell 1");
            Assert.That((Red(1, 6), Red(4, 9)), Is.EqualTo((30, 30)), "cell 2 starts the second row");
            Assert.That(Alpha(6, 6), Is.EqualTo(0), "empty slot stays transparent");
        }

        [Test]
        public void Compose_WithMoreColumnsThanCells_UsesOneRow()
        {
            var grid = ImageGrid.Compose(new[] { Solid(3, 3, 1), Solid(3, 3, 2) }, columns: 8, scale: 1, padding: 0);
            Assert.That((grid.Width, grid.Height), Is.EqualTo((6, 3)));
        }
    }
}
