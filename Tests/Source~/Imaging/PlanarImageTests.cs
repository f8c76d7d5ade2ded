using NUnit.Framework;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Tests.Imaging
{
    [TestFixture]
    public class PlanarImageTests
    {
        [Test]
        public void ToPlanar_WritesChannelPlanes()
        {
            var image = new RgbaImage(2, 1, new byte[] { 255, 0, 51, 102, 0, 255, 0, 255 });
            var planar = new float[8];
            PlanarImage.ToPlanar(image, planar);
            Assert.That(planar, Is.EqualTo(new[] { 1f, 0f, 0f, 1f, 0.2f, 0f, 0.4f, 1f }).Within(1e-6f));
        }

        [Test]
        public void FromPlanar_RoundsAndClamps()
        {
            float[] planar = { -0.5f, 2f, 0.5f, 0.1f, 0.998f, float.NaN, 1f, 0f };
            var image = PlanarImage.FromPlanar(planar, 2, 1);
            Assert.That(image.Pixels, Is.EqualTo(new byte[] { 0, 128, 254, 255, 255, 26, 0, 0 }));
        }

        [Test]
        public void RoundTrip_IsExact()
        {
            var pixels = new byte[3 * 2 * 4];
            for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 11);
            var planar = new float[pixels.Length];
            PlanarImage.ToPlanar(new RgbaImage(3, 2, pixels), planar);
            Assert.That(PlanarImage.FromPlanar(planar, 3, 2).Pixels, Is.EqualTo(pixels));
        }
    }
}
