using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Tests.Authoring;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Tests.Cli
{
    /// <summary>`sample --out DIR` (one native-size PNG per seed), `--grid`, and `--label` on an unconditional model.</summary>
    public class SampleFolderTests
    {
        [Test]
        public void FolderOutputWritesOneNativeSizePngPerSeedAndTheGridOnRequest()
        {
            using var scratch = new ScratchFolder();
            string folder = Path.Combine(scratch.Path, "sprites");
            string grid = Path.Combine(scratch.Path, "grid.png");
            var (exit, _, error) = ConsoleCapture.Run("sample", "--model", AuthoringModels.Unconditional, "--count", "3", "--seed", "40", "--out", folder, "--grid", grid, "--pixels", "smooth");
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal),
                Is.EqualTo(new[] { "sample_0040.png", "sample_0041.png", "sample_0042.png" }));
            using VaeModel vae = VaeModel.Load(AuthoringModels.Unconditional);
            for (int seed = 40; seed < 43; seed++)
            {
                string path = Path.Combine(folder, $"sample_{seed:D4}.png");
                RgbaImage sprite = PngCodec.Decode(File.ReadAllBytes(path), path);
                Assert.That((sprite.Width, sprite.Height), Is.EqualTo((16, 16)));
                byte[] expected = vae.GenerateRgba(seed);
                int worst = Enumerable.Range(0, expected.Length).Max(i => Math.Abs(expected[i] - sprite.Pixels[i]));
                Assert.That(worst, Is.LessThanOrEqualTo(1), $"seed {seed}: the file is not that seed's sprite");
            }
            RgbaImage sheet = PngCodec.Decode(File.ReadAllBytes(grid), grid);
            // 3 sprites -> 2 columns x 2 rows of 16x16 cells scaled 4x with 2 px padding.
            Assert.That((sheet.Width, sheet.Height), Is.EqualTo((2 * 64 + 3 * 2, 2 * 64 + 3 * 2)));
        }

        [Test]
        public void DefaultOutputIsTheTrainingPaletteWithHardAlpha()
        {
            using var scratch = new ScratchFolder();
            string folder = Path.Combine(scratch.Path, "sprites");
            var (exit, _, error) = ConsoleCapture.Run("sample", "--model", AuthoringModels.Unconditional, "--count", "4", "--seed", "40", "--out", folder);
            Assert.That(exit, Is.EqualTo(0), error);
            using VaeModel vae = VaeModel.Load(AuthoringModels.Unconditional);
            var palette = vae.Contract.Palette.ToHashSet();
            Assert.That(Enumerable.Range(40, 4).Any(seed => vae.GenerateRgba(seed).Where((_, i) => i % 4 == 3).Any(a => a > 0 && a < 255)),
                Is.True, "the decoder's own output has soft alpha, so snapping has something to do");
            foreach (string path in Directory.GetFiles(folder))
            {
                byte[] pixels = PngCodec.Decode(File.ReadAllBytes(path), path).Pixels;
                Assert.That(PalettePixels.Stray(pixels, palette), Is.Empty, $"{Path.GetFileName(path)}: pixels neither transparent nor a training-palette colour");
            }
        }

        [Test]
        public void PerClassFolderOutputHasOneSubFolderPerLabel()
        {
            using var scratch = new ScratchFolder();
            string folder = Path.Combine(scratch.Path, "sprites");
            var (exit, _, error) = ConsoleCapture.Run("sample", "--model", AuthoringModels.Conditional, "--per-class", "--count", "2", "--out", folder);
            Assert.That(exit, Is.EqualTo(0), error);
            foreach (string label in new[] { "potion", "ring" })
            {
                Assert.That(Directory.GetFiles(Path.Combine(folder, label)).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal),
                    Is.EqualTo(new[] { "sample_0000.png", "sample_0001.png" }), label);
            }
        }

        [Test]
        public void LabelOnAnUnconditionalModelIsAUserError()
        {
            using var scratch = new ScratchFolder();
            string folder = Path.Combine(scratch.Path, "sprites");
            var (exit, _, error) = ConsoleCapture.Run("sample", "--model", AuthoringModels.Unconditional, "--label", "potion", "--out", folder);
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1), error);
            Assert.That(error, Does.StartWith("error: ").And.Contain("--label").And.Contain("unconditional"));
            Assert.That(Directory.Exists(folder), Is.False, "nothing is written");
        }

        [TestCase("grid.png", "--grid", "other.png")]
        [TestCase("sprites", "--grid", "grid.txt")]
        public void GridNeedsAFolderOutAndAPngPath(string outName, string option, string gridName)
        {
            using var scratch = new ScratchFolder();
            var (exit, _, error) = ConsoleCapture.Run("sample", "--model", AuthoringModels.Unconditional, "--out", Path.Combine(scratch.Path, outName), option, Path.Combine(scratch.Path, gridName));
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.StartWith("error: ").And.Contain("--grid"));
        }
    }
}
