using System.IO;
using NUnit.Framework;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Tests.Imaging
{
    [TestFixture]
    public class PngCodecEncodeTests
    {
        private static RgbaImage Gradient(int width, int height)
        {
            var image = new RgbaImage(width, height);
            for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                int o = image.OffsetOf(x, y);
                image.Pixels[o] = (byte)(x * 20);
                image.Pixels[o + 1] = (byte)(y * 30);
                image.Pixels[o + 2] = (byte)(x + y);
                image.Pixels[o + 3] = (byte)(x == 0 ? 0 : 40 * y + 15);
                if (x == 0) image.Pixels[o] = image.Pixels[o + 1] = image.Pixels[o + 2] = 0;
            }
            return image;
        }

        [Test]
        public void EncodeThenDecode_RoundTripsExactly()
        {
            var original = Gradient(7, 5);
            byte[] png = PngCodec.Encode(original);
            Assert.That(png[..8], Is.EqualTo(TestPng.Signature));
            var decoded = PngCodec.Decode(png, "roundtrip.png");
            Assert.That(decoded.Width, Is.EqualTo(7));
            Assert.That(decoded.Height, Is.EqualTo(5));
            Assert.That(decoded.Pixels, Is.EqualTo(original.Pixels));
            Assert.That(ReferencePngDecoder.DecodeRgba(png), Is.EqualTo(original.Pixels), "an independent decoder reads the same pixels");
        }

        [Test]
        public void Save_WritesAtomicallyOverExistingFile_AndLeavesNoTempFiles()
        {
            using var scratch = new ScratchFolder();
            string path = Path.Combine(scratch.Path, "sub", "out.png");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "old content");

            PngCodec.Save(Gradient(3, 3), path);

            Assert.That(PngCodec.Decode(File.ReadAllBytes(path), path).Pixels, Is.EqualTo(Gradient(3, 3).Pixels));
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!), Has.Length.EqualTo(1));
        }
    }
}
