using System.CommandLine;
using System.IO;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Trainer.Cli;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Tests.Cli
{
    /// <summary>
    /// `--fit auto` (the default): sprites cut from a sheet by automatic slicing are cropped to their content, so they are
    /// padded to the model size instead of stretched to fill it; everything else is scaled as before.
    /// </summary>
    public class SheetFitTests
    {
        [Test]
        public void AutoFit_PadsAutoSlicedSheetSprites_AndScalesEverythingElse()
        {
            Assert.That(SharedOptions.ParseFit("auto", autoSlicedSheet: true), Is.EqualTo(SpriteFitMode.Pad));
            Assert.That(SharedOptions.ParseFit("auto", autoSlicedSheet: false), Is.EqualTo(SpriteFitMode.Scale));
            Assert.That(SharedOptions.ParseFit("scale", autoSlicedSheet: true), Is.EqualTo(SpriteFitMode.Scale));
            Assert.That(SharedOptions.ParseFit("crop", autoSlicedSheet: false), Is.EqualTo(SpriteFitMode.Crop));
        }

        [TestCase(new string[0], 200, 144)]
        [TestCase(new[] { "--fit", "scale" }, 32 * 32, 32 * 32)]
        public void SheetSprites_KeepTheirPixelSizeUnlessScalingIsAskedFor(string[] fitArguments, int barPixels, int squarePixels)
        {
            using var scratch = new ScratchFolder();
            var image = new RgbaImage(40, 24);
            void Fill(int x0, int y0, int w, int h)
            {
                for (int y = y0; y < y0 + h; y++)
                    for (int x = x0; x < x0 + w; x++) image.Pixels[image.OffsetOf(x, y) + 3] = 255;
            }
            Fill(0, 0, 10, 20);   // a 10x20 bar
            Fill(14, 2, 12, 12);  // a 12x12 square
            string path = Path.Combine(scratch.Path, "sheet.png");
            File.WriteAllBytes(path, PngCodec.Encode(image));

            var sheet = new SheetOptions();
            var fit = SharedOptions.Fit("test");
            var command = new Command("test");
            sheet.AddTo(command);
            command.Options.Add(fit);
            ParseResult parsed = command.Parse(new[] { "--sheet", path }.Concat(fitArguments).ToArray());
            var load = new SpriteLoadOptions { Width = 32, Height = 32, Fit = SharedOptions.ParseFit(parsed.GetValue(fit)!, sheet.SlicesAutomatically(parsed)) };
            SpriteDataset sprites = sheet.Load(parsed, load)!;

            int[] opaque = sprites.Items.Select(item => Enumerable.Range(0, 32 * 32).Count(p => item.Image.Pixels[p * 4 + 3] > 0)).ToArray();
            Assert.That(opaque, Is.EqualTo(new[] { barPixels, squarePixels }));
        }
    }
}
