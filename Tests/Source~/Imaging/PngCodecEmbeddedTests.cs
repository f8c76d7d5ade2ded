using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Tests.Imaging
{
    [TestFixture]
    public class PngCodecEmbeddedTests
    {
        private static IReadOnlyList<(string RelativePath, byte[] Bytes)> _sprites = null!;

        [OneTimeSetUp]
        public void ReadEmbedded() => _sprites = EmbeddedData.ReadSprites();

        // (bit depth, colour type, interlace) as read from each file's IHDR.
        [TestCase(8, 3, 0, TestName = "Palette8_WithTrns")]
        [TestCase(4, 3, 0, TestName = "Palette4")]
        [TestCase(2, 3, 0, TestName = "Palette2")]
        [TestCase(8, 3, 1, TestName = "Palette8_Interlaced")]
        [TestCase(8, 6, 0, TestName = "Rgba8")]
        [TestCase(8, 6, 1, TestName = "Rgba8_Interlaced")]
        public void EmbeddedFilesOfKind_MatchReferenceDecoder(int bitDepth, int colorType, int interlace)
        {
            var files = _sprites.Where(s =>
            {
                var h = TestPng.ReadHeader(s.Bytes);
                return h.BitDepth == bitDepth && h.ColorType == colorType && h.Interlace == interlace;
            }).ToList();
            Assert.That(files, Is.Not.Empty, "the embedded set should contain this kind of PNG");
            foreach (var (name, bytes) in files)
            {
                var decoded = PngCodec.Decode(bytes, name);
                Assert.That(decoded.Width, Is.EqualTo(32), name);
                Assert.That(decoded.Height, Is.EqualTo(32), name);
                Assert.That(decoded.Pixels, Is.EqualTo(ReferencePngDecoder.DecodeRgba(bytes)), name);
            }
        }

        [Test]
        public void PaletteFileWithTrns_EveryPixelIsAPaletteColourOrClearedTransparent()
        {
            var (name, bytes) = _sprites.First(s =>
                TestPng.ReadHeader(s.Bytes).ColorType == 3 && TestPng.ReadChunks(s.Bytes).Any(c => c.Type == "tRNS"));
            var chunks = TestPng.ReadChunks(bytes);
            byte[] palette = chunks.Single(c => c.Type == "PLTE").Data;
            byte[] trns = chunks.Single(c => c.Type == "tRNS").Data;
            var allowed = new HashSet<(byte, byte, byte, byte)>();
            for (int i = 0; i < palette.Length / 3; i++)
            {
                byte alpha = i < trns.Length ? trns[i] : (byte)255;
                allowed.Add(alpha == 0 ? ((byte)0, (byte)0, (byte)0, (byte)0) : (palette[i * 3], palette[i * 3 + 1], palette[i * 3 + 2], alpha));
            }
            var image = PngCodec.Decode(bytes, name);
            int transparent = 0;
            for (int p = 0; p < image.Pixels.Length; p += 4)
            {
                var colour = (image.Pixels[p], image.Pixels[p + 1], image.Pixels[p + 2], image.Pixels[p + 3]);
                Assert.That(allowed, Does.Contain(colour), $"{name} pixel {p / 4}");
                if (colour.Item4 == 0) transparent++;
            }
            Assert.That(transparent, Is.GreaterThan(0), "sprites have a transparent background");
        }

        [Test]
        public void AllEmbeddedSprites_TransparentPixelsHaveZeroRgb()
        {
            int transparentPixels = 0;
            foreach (var (name, bytes) in _sprites)
            {
                var pixels = PngCodec.Decode(bytes, name).Pixels;
                for (int p = 0; p < pixels.Length; p += 4)
                {
                    if (pixels[p + 3] != 0) continue;
                    transparentPixels++;
                    if (pixels[p] != 0 || pixels[p + 1] != 0 || pixels[p + 2] != 0)
                    {
                        Assert.Fail($"{name}: transparent pixel {p / 4} keeps colour {pixels[p]},{pixels[p + 1]},{pixels[p + 2]}");
                    }
                }
            }
            Assert.That(transparentPixels, Is.GreaterThan(961 * 100));
        }
    }
}
