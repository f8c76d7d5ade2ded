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
        public void SourceDetailReturnsWhereTheVariationKeptTheSpriteAndNowhereElse()
        {
            using VaeModel vae = VaeModel.Load(AuthoringModels.Unconditional);
            byte[] sprite = AuthoringModels.HeldOut().Items[0].Image.Pixels;
            var reconstruction = new byte[sprite.Length];
            vae.DecodeRgba(vae.EncodeRgba(sprite).Mean, reconstruction);
            Assert.That(reconstruction, Is.Not.EqualTo(sprite), "the tiny model cannot hold the sprite, or there is no detail to return");
            Assert.That(SpriteVariations.Vary(vae, sprite, 2, 0f, 7, keepSourceDetail: true), Has.All.EqualTo(sprite), "strength 0 gives the source itself");

            var plain = SpriteVariations.Vary(vae, sprite, 3, 1f, 7);
            var detailed = SpriteVariations.Vary(vae, sprite, 3, 1f, 7, keepSourceDetail: true);
            for (int i = 0; i < plain.Count; i++)
            {
                var expected = (byte[])plain[i].Clone();
                SourceDetail.Restore(sprite, reconstruction, expected);
                Assert.That(detailed[i], Is.EqualTo(expected));
                Assert.That(detailed[i], Is.Not.EqualTo(plain[i]));
            }
        }

        [Test]
        public void SourceDetailIsWholeWhereTheVariationKeptThePixelFadingToNoneAtAChangeOf128()
        {
            byte[] source = { 200, 10, 10, 255, 200, 10, 10, 255, 200, 10, 10, 255 };
            byte[] reconstruction = { 100, 50, 50, 200, 100, 50, 50, 200, 100, 50, 50, 200 };
            // Pixel 0 as reconstructed; pixel 1 changed by 64 in red (half the detail); pixel 2 by 128 in alpha (none).
            byte[] variation = { 100, 50, 50, 200, 164, 50, 50, 200, 100, 50, 50, 72 };
            SourceDetail.Restore(source, reconstruction, variation);
            Assert.That(variation, Is.EqualTo(new byte[] { 200, 10, 10, 255, 214, 30, 30, 228, 100, 50, 50, 72 }));
        }

        [Test]
        public void VaryCommandWritesVariationsInTheSourcesOwnColoursAndAContactSheet()
        {
            using var scratch = new ScratchFolder();
            RgbaImage source = AuthoringModels.HeldOut().Items[0].Image;
            var (output, variations) = RunVary(scratch, source, "0.7");
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
        public void VaryAtStrengthZeroWritesTheSourceUnlessToldToLeaveOutItsDetail()
        {
            using var scratch = new ScratchFolder();
            RgbaImage source = AuthoringModels.HeldOut().Items[0].Image;
            var snapped = (byte[])source.Pixels.Clone();
            SourceColourSnapper.ForSprite(snapped, source.Width, source.Height)!.Snap(snapped);
            var (_, withDetail) = RunVary(scratch, source, "0");
            Assert.That(withDetail, Has.All.EqualTo(snapped));
            var (_, decoderOnly) = RunVary(scratch, source, "0", "--no-source-detail", "--pixels", "smooth");
            using VaeModel vae = VaeModel.Load(AuthoringModels.Unconditional);
            var reconstruction = new byte[source.Pixels.Length];
            vae.DecodeRgba(vae.EncodeRgba(source.Pixels).Mean, reconstruction);
            Assert.That(decoderOnly, Has.All.EqualTo(reconstruction));
        }

        [Test]
        public void VaryCommandWithPixelsPaletteUsesTheTrainingPalette()
        {
            using var scratch = new ScratchFolder();
            var (_, variations) = RunVary(scratch, AuthoringModels.HeldOut().Items[0].Image, "0.7", "--pixels", "palette");
            using VaeModel vae = VaeModel.Load(AuthoringModels.Unconditional);
            var palette = vae.Contract.Palette.ToHashSet();
            Assert.That(variations, Has.Count.EqualTo(5));
            foreach (byte[] pixels in variations) Assert.That(PalettePixels.Stray(pixels, palette), Is.Empty, "pixels neither transparent nor a training-palette colour");
        }

        private static (string Output, List<byte[]> Variations) RunVary(ScratchFolder scratch, RgbaImage source, string strength, params string[] extra)
        {
            string input = Path.Combine(scratch.Path, "in.png");
            PngCodec.Save(source, input);
            string output = Path.Combine(scratch.Path, "out" + Directory.GetDirectories(scratch.Path).Length);
            var (exit, _, error) = CliRun.Run(new[] { "vary", "--model", AuthoringModels.Unconditional, "--input", input, "--count", "5", "--strength", strength, "--seed", "3", "--out", output }.Concat(extra).ToArray());
            Assert.That(exit, Is.EqualTo(0), error);
            var variations = Directory.GetFiles(output, "variation-*.png").OrderBy(p => p).Select(p => PngCodec.Decode(File.ReadAllBytes(p), p).Pixels).ToList();
            return (output, variations);
        }
    }
}
