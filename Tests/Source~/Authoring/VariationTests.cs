using System.Collections.Generic;
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
        public void VaryCommandWritesVariationsInTheSourcesOwnColoursAndAContactSheet()
        {
            using var scratch = new ScratchFolder();
            RgbaImage source = AuthoringModels.HeldOut().Items[0].Image;
            var (output, variations) = RunVary(scratch, source);
            var sourceColours = new HashSet<uint>();
            for (int i = 0; i < source.Pixels.Length; i += 4)
            {
                if (source.Pixels[i + 3] >= PaletteSnapper.DefaultAlphaThreshold) sourceColours.Add(((uint)source.Pixels[i] << 24) | ((uint)source.Pixels[i + 1] << 16) | ((uint)source.Pixels[i + 2] << 8) | 0xFF);
            }
            Assert.That(variations, Has.Count.EqualTo(5));
            foreach (byte[] pixels in variations) Assert.That(PalettePixels.Stray(pixels, sourceColours), Is.Empty, "pixels neither transparent nor a colour of the source sprite");
            RgbaImage sheet = PngCodec.Decode(File.ReadAllBytes(Path.Combine(output, "contact-sheet.png")), "sheet");
            // 6 cells (original + 5) in 3 columns x 2 rows, each 16*4 px with 2 px padding.
            Assert.That(sheet.Width, Is.EqualTo(3 * 64 + 4 * 2));
            Assert.That(sheet.Height, Is.EqualTo(2 * 64 + 3 * 2));
        }

        [Test]
        public void VaryCommandWithPixelsPaletteUsesTheTrainingPalette()
        {
            using var scratch = new ScratchFolder();
            var (_, variations) = RunVary(scratch, AuthoringModels.HeldOut().Items[0].Image, "--pixels", "palette");
            using VaeModel vae = VaeModel.Load(AuthoringModels.Unconditional);
            var palette = vae.Contract.Palette.ToHashSet();
            Assert.That(variations, Has.Count.EqualTo(5));
            foreach (byte[] pixels in variations) Assert.That(PalettePixels.Stray(pixels, palette), Is.Empty, "pixels neither transparent nor a training-palette colour");
        }

        private static (string Output, List<byte[]> Variations) RunVary(ScratchFolder scratch, RgbaImage source, params string[] extra)
        {
            string input = Path.Combine(scratch.Path, "in.png");
            PngCodec.Save(source, input);
            string output = Path.Combine(scratch.Path, "out");
            var (exit, _, error) = CliRun.Run(new[] { "vary", "--model", AuthoringModels.Unconditional, "--input", input, "--count", "5", "--strength", "0.7", "--seed", "3", "--out", output }.Concat(extra).ToArray());
            Assert.That(exit, Is.EqualTo(0), error);
            var variations = Directory.GetFiles(output, "variation-*.png").OrderBy(p => p).Select(p => PngCodec.Decode(File.ReadAllBytes(p), p).Pixels).ToList();
            return (output, variations);
        }
    }
}
