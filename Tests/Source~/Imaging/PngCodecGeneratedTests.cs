using System.Linq;
using NUnit.Framework;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Tests.Imaging
{
    /// <summary>Decodes PNGs built byte by byte in the test, covering colour types and bit depths the sprites lack.</summary>
    [TestFixture]
    public class PngCodecGeneratedTests
    {
        private static byte[] Row(params int[] values) => values.Select(v => (byte)v).ToArray();

        private static void AssertDecodes(byte[] png, int[] expectedRgba, int tolerance = 0)
        {
            var image = PngCodec.Decode(png, "generated.png");
            Assert.That(image.Pixels.Length, Is.EqualTo(expectedRgba.Length));
            for (int i = 0; i < expectedRgba.Length; i++)
            {
                Assert.That((int)image.Pixels[i], Is.EqualTo(expectedRgba[i]).Within(tolerance), $"byte {i} (pixel {i / 4}, channel {i % 4})");
            }
        }

        [Test]
        public void Grey1Bit()
        {
            var png = TestPng.Build(8, 1, 1, 0, new[] { Row(0b1011_0000) });
            AssertDecodes(png, new[]
            {
                255, 255, 255, 255, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255,
                0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255,
            });
        }

        [Test]
        public void Grey2Bit() =>
            AssertDecodes(TestPng.Build(4, 1, 2, 0, new[] { Row(0b00_01_10_11) }),
                new[] { 0, 0, 0, 255, 85, 85, 85, 255, 170, 170, 170, 255, 255, 255, 255, 255 });

        [Test]
        public void Grey4Bit() =>
            AssertDecodes(TestPng.Build(2, 1, 4, 0, new[] { Row(0x3C) }), new[] { 51, 51, 51, 255, 204, 204, 204, 255 });

        [Test]
        public void Grey8BitTwoRows() =>
            AssertDecodes(TestPng.Build(2, 2, 8, 0, new[] { Row(0, 128), Row(255, 7) }),
                new[] { 0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255, 7, 7, 7, 255 });

        [Test]
        public void Grey16Bit() =>
            AssertDecodes(TestPng.Build(2, 1, 16, 0, new[] { Row(0xAB, 0xCD, 0x12, 0x34) }),
                new[] { 0xAB, 0xAB, 0xAB, 255, 0x12, 0x12, 0x12, 255 }, tolerance: 1);

        [Test]
        public void Grey8BitWithTrnsKey() =>
            AssertDecodes(TestPng.Build(3, 1, 8, 0, new[] { Row(0, 128, 255) }, transparency: Row(0, 128)),
                new[] { 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255 });

        [Test]
        public void GreyAlpha8Bit_TransparentColourCleared() =>
            AssertDecodes(TestPng.Build(2, 1, 8, 4, new[] { Row(100, 0, 50, 200) }),
                new[] { 0, 0, 0, 0, 50, 50, 50, 200 });

        [Test]
        public void GreyAlpha16Bit() =>
            AssertDecodes(TestPng.Build(1, 1, 16, 4, new[] { Row(0xFF, 0x00, 0x80, 0x00) }),
                new[] { 255, 255, 255, 128 }, tolerance: 1);

        [Test]
        public void Rgb8Bit() =>
            AssertDecodes(TestPng.Build(2, 1, 8, 2, new[] { Row(10, 20, 30, 250, 240, 230) }),
                new[] { 10, 20, 30, 255, 250, 240, 230, 255 });

        [Test]
        public void Rgb8BitWithTrnsKey() =>
            AssertDecodes(TestPng.Build(2, 1, 8, 2, new[] { Row(10, 20, 30, 250, 240, 230) }, transparency: Row(0, 10, 0, 20, 0, 30)),
                new[] { 0, 0, 0, 0, 250, 240, 230, 255 });

        [Test]
        public void Rgb16Bit() =>
            AssertDecodes(TestPng.Build(1, 1, 16, 2, new[] { Row(0x10, 0x00, 0x20, 0x00, 0xFF, 0xFF) }),
                new[] { 16, 32, 255, 255 }, tolerance: 1);

        [Test]
        public void Rgba16Bit() =>
            AssertDecodes(TestPng.Build(1, 1, 16, 6, new[] { Row(0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88) }),
                new[] { 0x11, 0x33, 0x55, 0x77 }, tolerance: 1);

        [Test]
        public void Rgba8Bit_FullyTransparentPixelGetsZeroRgb() =>
            AssertDecodes(TestPng.Build(2, 1, 8, 6, new[] { Row(200, 150, 100, 0, 200, 150, 100, 1) }),
                new[] { 0, 0, 0, 0, 200, 150, 100, 1 });

        [Test]
        public void Palette1BitWithTrns() =>
            AssertDecodes(TestPng.Build(2, 1, 1, 3, new[] { Row(0b0100_0000) }, palette: Row(255, 0, 0, 0, 0, 255), transparency: Row(0)),
                new[] { 0, 0, 0, 0, 0, 0, 255, 255 });

        [Test]
        public void GeneratedFiles_AgreeWithReferenceDecoder()
        {
            var png = TestPng.Build(3, 2, 16, 6, new[]
            {
                Row(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24),
                Row(250, 2, 3, 4, 5, 6, 0, 0, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 255, 255),
            });
            Assert.That(PngCodec.Decode(png, "generated.png").Pixels, Is.EqualTo(ReferencePngDecoder.DecodeRgba(png)));
        }
    }
}
