using NUnit.Framework;
using VaeProcgen.Generation;

namespace VaeProcgen.Tests.Generation
{
    [TestFixture]
    public class SpritePixelsTests
    {
        private static byte[] OpaqueAndTranslucentPixels()
        {
            var random = new DeterministicRandom(5);
            var rgba = new byte[16 * 16 * 4];
            for (int i = 0; i < rgba.Length; i++) rgba[i] = (byte)random.NextInt(256);
            for (int p = 0; p < 16 * 16; p++)
            {
                if (rgba[p * 4 + 3] == 0) rgba[p * 4 + 3] = 1;
            }
            return rgba;
        }

        [Test]
        public void RgbaToPlanarToRgba_RoundTripsVisiblePixelsExactly()
        {
            byte[] rgba = OpaqueAndTranslucentPixels();
            var planar = new float[rgba.Length];
            SpritePixels.RgbaToPlanar(rgba, planar);
            var back = new byte[rgba.Length];
            SpritePixels.PlanarToRgba(planar, back);
            Assert.That(back, Is.EqualTo(rgba));
        }

        [Test]
        public void RgbaToPlanar_UsesChannelPlanesInZeroToOne()
        {
            byte[] rgba = { 255, 0, 51, 102, 0, 255, 0, 255 };
            var planar = new float[8];
            SpritePixels.RgbaToPlanar(rgba, planar);
            // Layout: R plane (2 pixels), G plane, B plane, A plane.
            Assert.That(planar, Is.EqualTo(new[] { 1f, 0f, 0f, 1f, 0.2f, 0f, 0.4f, 1f }).Within(1e-6));
        }

        [Test]
        public void FullyTransparentPixels_GetRgbZeroed()
        {
            byte[] rgba = { 200, 100, 50, 0, 10, 20, 30, 255 };
            var planar = new float[8];
            SpritePixels.RgbaToPlanar(rgba, planar);
            var back = new byte[8];
            SpritePixels.PlanarToRgba(planar, back);
            Assert.That(back, Is.EqualTo(new byte[] { 0, 0, 0, 0, 10, 20, 30, 255 }));
        }

        [Test]
        public void PlanarToRgba_ClampsAndRounds()
        {
            float[] planar = { -0.5f, 1.7f, 0.5f, 0.998f };
            var rgba = new byte[4];
            SpritePixels.PlanarToRgba(planar, rgba);
            Assert.That(rgba, Is.EqualTo(new byte[] { 0, 255, 128, 254 }));
        }
    }
}
