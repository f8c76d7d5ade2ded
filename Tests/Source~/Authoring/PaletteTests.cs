using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Authoring;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Tests.Authoring
{
    public class PaletteTests
    {
        [Test]
        public void TrainedModelStoresThePaletteOfItsTrainingSprites()
        {
            using VaeModel vae = VaeModel.Load(AuthoringModels.Unconditional);
            Assert.That(vae.Contract.Palette.Count, Is.InRange(2, 256));
            Assert.That(vae.Contract.Palette.All(c => (c & 0xFF) == 0xFF), Is.True);
        }

        [Test]
        public void ManyColoursAreReducedDeterministicallyToTheLimit()
        {
            var image = new RgbaImage(64, 64);
            for (int i = 0; i < 64 * 64; i++)
            {
                image.Pixels[i * 4] = (byte)(i * 7);
                image.Pixels[i * 4 + 1] = (byte)(i / 16);
                image.Pixels[i * 4 + 2] = (byte)(i * 13 / 7);
                image.Pixels[i * 4 + 3] = 255;
            }
            List<uint> first = PaletteExtractor.Extract(new[] { image }, 256);
            List<uint> second = PaletteExtractor.Extract(new[] { image.Clone() }, 256);
            Assert.That(first.Count, Is.EqualTo(256));
            Assert.That(first, Is.EqualTo(second));
            Assert.That(PaletteExtractor.Extract(new[] { image }, 16).Count, Is.EqualTo(16));
        }

        [Test]
        public void FewColoursAreKeptExactlyAndTransparentPixelsIgnored()
        {
            var image = new RgbaImage(2, 2, new byte[] { 255, 0, 0, 255, 0, 255, 0, 200, 0, 0, 255, 10, 255, 0, 0, 255 });
            Assert.That(PaletteExtractor.Extract(new[] { image }), Is.EqualTo(new uint[] { 0x00FF00FF, 0xFF0000FF }));
        }

        [Test]
        public void SnapperUsesOnlyPaletteColoursAndBinaryAlpha()
        {
            var palette = new uint[] { 0x000000FF, 0xFFFFFFFF, 0xFF0000FF };
            var snapper = new PaletteSnapper(palette, 100);
            var pixels = new byte[] { 250, 240, 245, 255, 200, 30, 20, 120, 10, 10, 10, 99, 20, 20, 20, 100 };
            snapper.Snap(pixels);
            Assert.That(pixels, Is.EqualTo(new byte[] { 255, 255, 255, 255, 255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 255 }));
        }

        [Test]
        public void SnappedSamplesOnlyUseTheTrainingPalette()
        {
            using VaeModel vae = VaeModel.Load(AuthoringModels.Unconditional);
            var allowed = new HashSet<uint>(vae.Contract.Palette);
            var snapper = new PaletteSnapper(vae.Contract.Palette);
            byte[] sprite = vae.GenerateRgba(5);
            snapper.Snap(sprite);
            for (int p = 0; p < sprite.Length; p += 4)
            {
                if (sprite[p + 3] == 0) continue;
                uint colour = ((uint)sprite[p] << 24) | ((uint)sprite[p + 1] << 16) | ((uint)sprite[p + 2] << 8) | sprite[p + 3];
                Assert.That(allowed.Contains(colour), Is.True);
            }
        }
    }
}
