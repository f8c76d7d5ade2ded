using NUnit.Framework;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Tests.Imaging
{
    [TestFixture]
    public class SpriteFitterTests
    {
        /// <summary>Each pixel gets a unique opaque colour: R = x, G = y.</summary>
        private static RgbaImage Coordinates(int width, int height)
        {
            var image = new RgbaImage(width, height);
            for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                int o = image.OffsetOf(x, y);
                image.Pixels[o] = (byte)x;
                image.Pixels[o + 1] = (byte)y;
                image.Pixels[o + 2] = 77;
                image.Pixels[o + 3] = 255;
            }
            return image;
        }

        private static (int R, int G, int B, int A) At(RgbaImage image, int x, int y)
        {
            int o = image.OffsetOf(x, y);
            return (image.Pixels[o], image.Pixels[o + 1], image.Pixels[o + 2], image.Pixels[o + 3]);
        }

        [Test]
        public void Scale_Up16To32_DuplicatesEachPixel()
        {
            var fitted = SpriteFitter.Fit(Coordinates(16, 16), 32, 32, SpriteFitMode.Scale);
            Assert.That((fitted.Width, fitted.Height), Is.EqualTo((32, 32)));
            for (int y = 0; y < 32; y++)
            for (int x = 0; x < 32; x++)
            {
                Assert.That(At(fitted, x, y), Is.EqualTo((x / 2, y / 2, 77, 255)), $"({x},{y})");
            }
        }

        [Test]
        public void Scale_Down64To32_TakesEverySecondPixel()
        {
            var fitted = SpriteFitter.Fit(Coordinates(64, 48), 32, 24, SpriteFitMode.Scale);
            Assert.That((fitted.Width, fitted.Height), Is.EqualTo((32, 24)));
            Assert.That(At(fitted, 0, 0), Is.EqualTo((1, 1, 77, 255)));
            Assert.That(At(fitted, 31, 23), Is.EqualTo((63, 47, 77, 255)));
        }

        [TestCase(SpriteFitMode.Pad)]
        [TestCase(SpriteFitMode.Crop)]
        public void SmallerImage_IsCentredOnTransparentCanvas(SpriteFitMode mode)
        {
            var fitted = SpriteFitter.Fit(Coordinates(20, 10), 32, 32, mode);
            Assert.That((fitted.Width, fitted.Height), Is.EqualTo((32, 32)));
            Assert.That(At(fitted, 6, 11), Is.EqualTo((0, 0, 77, 255)));
            Assert.That(At(fitted, 25, 20), Is.EqualTo((19, 9, 77, 255)));
            Assert.That(At(fitted, 5, 11), Is.EqualTo((0, 0, 0, 0)));
            Assert.That(At(fitted, 26, 20), Is.EqualTo((0, 0, 0, 0)));
            Assert.That(At(fitted, 6, 10), Is.EqualTo((0, 0, 0, 0)));
            Assert.That(At(fitted, 6, 21), Is.EqualTo((0, 0, 0, 0)));
        }

        [TestCase(SpriteFitMode.Pad)]
        [TestCase(SpriteFitMode.Crop)]
        public void LargerImage_IsCentreCropped(SpriteFitMode mode)
        {
            var fitted = SpriteFitter.Fit(Coordinates(40, 36), 32, 32, mode);
            Assert.That(At(fitted, 0, 0), Is.EqualTo((4, 2, 77, 255)));
            Assert.That(At(fitted, 31, 31), Is.EqualTo((35, 33, 77, 255)));
        }

        [Test]
        public void MixedSizes_WiderButShorter_CropsWidthAndPadsHeight()
        {
            var fitted = SpriteFitter.Fit(Coordinates(40, 10), 32, 32, SpriteFitMode.Crop);
            Assert.That(At(fitted, 0, 11), Is.EqualTo((4, 0, 77, 255)));
            Assert.That(At(fitted, 0, 10), Is.EqualTo((0, 0, 0, 0)));
        }

        [Test]
        public void SameSize_ReturnsEqualCopy()
        {
            var source = Coordinates(32, 32);
            var fitted = SpriteFitter.Fit(source, 32, 32, SpriteFitMode.Scale);
            Assert.That(fitted, Is.Not.SameAs(source));
            Assert.That(fitted.Pixels, Is.EqualTo(source.Pixels));
        }
    }
}
