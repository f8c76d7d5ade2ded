using System.IO;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Authoring;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Tests.Authoring
{
    public class VariationTests
    {
        [Test]
        public void StrengthZeroGivesTheReconstructionAndNoiseGivesDistinctDeterministicVariants()
        {
            using VaeModel vae = VaeModel.Load(AuthoringModels.Unconditional);
            byte[] sprite = AuthoringModels.HeldOut().Items[0].Image.Pixels;
            var mean = vae.EncodeRgba(sprite).Mean;
            var reconstruction = new byte[sprite.Length];
            vae.DecodeRgba(mean, reconstruction);

            var zero = SpriteVariations.Vary(vae, sprite, 3, 0f, 7);
            Assert.That(zero.All(v => v.SequenceEqual(reconstruction)), Is.True);

            var varied = SpriteVariations.Vary(vae, sprite, 4, 1f, 7);
            var again = SpriteVariations.Vary(vae, sprite, 4, 1f, 7);
            Assert.That(varied.Count, Is.EqualTo(4));
            for (int i = 0; i < 4; i++) Assert.That(varied[i], Is.EqualTo(again[i]));
            Assert.That(varied[0], Is.Not.EqualTo(varied[1]));
            Assert.That(varied[0], Is.Not.EqualTo(reconstruction));
        }

        [Test]
        public void VaryCommandWritesVariationsAndContactSheet()
        {
            using var scratch = new ScratchFolder();
            string input = Path.Combine(scratch.Path, "in.png");
            PngCodec.Save(AuthoringModels.HeldOut().Items[0].Image, input);
            string output = Path.Combine(scratch.Path, "out");
            var (exit, _, error) = CliRun.Run("vary", "--model", AuthoringModels.Unconditional, "--input", input, "--count", "5", "--strength", "0.7", "--seed", "3", "--out", output, "--pixels", "palette");
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(Directory.GetFiles(output, "variation-*.png").Length, Is.EqualTo(5));
            using (VaeModel vae = VaeModel.Load(AuthoringModels.Unconditional))
            {
                var palette = vae.Contract.Palette.ToHashSet();
                foreach (string path in Directory.GetFiles(output, "variation-*.png"))
                {
                    byte[] pixels = PngCodec.Decode(File.ReadAllBytes(path), path).Pixels;
                    Assert.That(PalettePixels.Stray(pixels, palette), Is.Empty, $"{Path.GetFileName(path)}: pixels neither transparent nor a training-palette colour");
                }
            }
            RgbaImage sheet = PngCodec.Decode(File.ReadAllBytes(Path.Combine(output, "contact-sheet.png")), "sheet");
            // 6 cells (original + 5) in 3 columns x 2 rows, each 16*4 px with 2 px padding.
            Assert.That(sheet.Width, Is.EqualTo(3 * 64 + 4 * 2));
            Assert.That(sheet.Height, Is.EqualTo(2 * 64 + 3 * 2));
        }
    }
}
