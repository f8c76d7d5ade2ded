using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;
using VaeProcgen.Tests.Authoring;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Tests.Cli
{
    /// <summary>
    /// A trained palette-categorical model (16x16 potions and rings, 15 colours + transparency) through the command line:
    /// samples, quality, vary, eval and interpolate all work, and every pixel they write is a palette colour.
    /// </summary>
    public class PaletteModelCliTests
    {
        private static HashSet<uint> PaletteColours()
        {
            using VaeModel vae = VaeModel.Load(AuthoringModels.Palette);
            Assert.That(vae.Contract.IsPaletteSprite, Is.True);
            Assert.That(vae.Contract.Channels, Is.EqualTo(AuthoringModels.PaletteColours + 1));
            return vae.Contract.Palette.ToHashSet();
        }

        private static void AssertOnlyPaletteColours(string path, HashSet<uint> palette)
        {
            Assert.That(palette.Contains(0u), Is.True, "the channel palette leads with the transparent entry");
            RgbaImage image = PngCodec.Decode(File.ReadAllBytes(path), path);
            Assert.That(PalettePixels.Stray(image.Pixels, palette), Is.Empty, $"{Path.GetFileName(path)}: pixels that are not palette colours");
        }

        [Test]
        public void SamplesAreSeededPaletteSpritesAndQualityMeasuresThem()
        {
            HashSet<uint> palette = PaletteColours();
            using var scratch = new ScratchFolder();
            string folder = Path.Combine(scratch.Path, "sprites");
            var (exit, _, error) = ConsoleCapture.Run("sample", "--model", AuthoringModels.Palette, "--count", "4", "--seed", "7", "--out", folder, "--backend", "managed");
            Assert.That(exit, Is.EqualTo(0), error);
            using VaeModel vae = VaeModel.Load(AuthoringModels.Palette);
            for (int seed = 7; seed < 11; seed++)
            {
                string path = Path.Combine(folder, $"sample_{seed:D4}.png");
                AssertOnlyPaletteColours(path, palette);
                Assert.That(PngCodec.Decode(File.ReadAllBytes(path), path).Pixels, Is.EqualTo(vae.GenerateRgba(seed)), $"seed {seed}: managed and ONNX Runtime pick the same colours");
            }
            var args = new List<string> { "quality", "--model", AuthoringModels.Palette, "--samples", "8", "--json" };
            args.AddRange(QualityFixtureData.SplitOptions);
            var (qualityExit, json, qualityError) = ConsoleCapture.Run(args.ToArray());
            Assert.That(qualityExit, Is.EqualTo(0), qualityError);
            JsonElement report = JsonDocument.Parse(json).RootElement;
            // This tiny 16x16 model's argmax samples are still mostly transparent, so only the range is checked here; the
            // parity tests (PaletteModelParityTests) check many-coloured argmax pixels.
            Assert.That(report.GetProperty("colourfulness").GetProperty("generated").GetDouble(), Is.GreaterThanOrEqualTo(0));
            Assert.That(report.GetProperty("colourfulness").GetProperty("training").GetDouble(), Is.GreaterThan(0));
            double nll = report.GetProperty("held_out_neg_elbo").GetDouble();
            Assert.That(nll, Is.GreaterThan(0).And.LessThan(16 * 16 * System.Math.Log(AuthoringModels.PaletteColours + 1) * 2), "held-out NLL in nats over 16x16 categorical pixels");
        }

        [Test]
        public void VaryEvalAndInterpolateAcceptRgbaSpritesOfAPaletteModel()
        {
            HashSet<uint> palette = PaletteColours();
            using var scratch = new ScratchFolder();
            string input = Path.Combine(scratch.Path, "in.png");
            PngCodec.Save(AuthoringModels.HeldOut().Items[0].Image, input);
            string output = Path.Combine(scratch.Path, "vary");
            var args = new List<string> { "vary", "--model", AuthoringModels.Palette, "--input", input, "--count", "3", "--strength", "0.5", "--out", output, "--report", "--pixels", "palette" };
            args.AddRange(QualityFixtureData.SplitOptions);
            var (exit, _, error) = ConsoleCapture.Run(args.ToArray());
            Assert.That(exit, Is.EqualTo(0), error);
            for (int i = 0; i < 3; i++) AssertOnlyPaletteColours(Path.Combine(output, $"variation-{i:D2}.png"), palette);
            JsonElement report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json"))).RootElement;
            Assert.That(report.GetProperty("mean_distance_to_source").GetDouble(), Is.GreaterThan(0));

            string heldOut = AuthoringModels.WriteFolder(AuthoringModels.HeldOut(), Path.Combine(scratch.Path, "held-out"));
            var (evalExit, evalJson, evalError) = ConsoleCapture.Run("eval", "--model", AuthoringModels.Palette, "--data", heldOut);
            Assert.That(evalExit, Is.EqualTo(0), evalError);
            Assert.That(JsonDocument.Parse(evalJson).RootElement.GetProperty("mean_rec").GetDouble(), Is.GreaterThan(0));

            string strip = Path.Combine(scratch.Path, "strip.png");
            var (interpolateExit, _, interpolateError) = ConsoleCapture.Run("interpolate", "--model", AuthoringModels.Palette, "--from", input, "--to", "3", "--steps", "4", "--out", strip);
            Assert.That(interpolateExit, Is.EqualTo(0), interpolateError);
            Assert.That(File.Exists(strip), Is.True);
        }

        [Test]
        public void PaletteSizeWithoutThePaletteLikelihoodIsAUserError()
        {
            var (exit, _, error) = ConsoleCapture.Run("train", "--out", "unused", "--palette-size", "8");
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("--palette-size applies to --likelihood palette only"));
        }
    }
}
