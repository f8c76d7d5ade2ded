using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;
using VaeProcgen.Authoring;
using VaeProcgen.Tests.Authoring;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Tests.Cli
{
    /// <summary>`vary --report`: the variations measured against their source sprite.</summary>
    public class VaryReportTests
    {
        private static JsonElement Vary(ScratchFolder scratch, RgbaImage source, string strength, out string output, params string[] extra)
        {
            string input = Path.Combine(scratch.Path, "in.png");
            PngCodec.Save(source, input);
            output = Path.Combine(scratch.Path, "out-" + strength);
            var args = new List<string> { "vary", "--model", AuthoringModels.Unconditional, "--input", input, "--count", "4", "--strength", strength, "--out", output, "--report" };
            args.AddRange(QualityFixtureData.SplitOptions);
            args.AddRange(extra);
            var (exit, stdout, error) = ConsoleCapture.Run(args.ToArray());
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(stdout, Does.Contain("mean distance to the source"));
            return JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json"))).RootElement;
        }

        [Test]
        public void StrengthZeroGivesIdenticalVariationsAtTheReconstructionDistance()
        {
            using var scratch = new ScratchFolder();
            RgbaImage source = AuthoringModels.HeldOut().Items[0].Image;
            JsonElement report = Vary(scratch, source, "0", out string output);
            string first = Path.Combine(output, "variation-00.png");
            byte[] reconstruction = PngCodec.Decode(File.ReadAllBytes(first), first).Pixels;
            Assert.That(report.GetProperty("variations").GetInt32(), Is.EqualTo(4));
            Assert.That(report.GetProperty("mean_pairwise_distance").GetDouble(), Is.EqualTo(0));
            Assert.That(report.GetProperty("mean_distance_to_source").GetDouble(), Is.EqualTo(SpriteQuality.Distance(reconstruction, source.Pixels)).Within(1e-9));
            Assert.That(report.GetProperty("mean_distance_to_source").GetDouble(), Is.GreaterThan(0));
            JsonElement colour = report.GetProperty("colourfulness");
            Assert.That(colour.GetProperty("source").GetDouble(), Is.EqualTo(SpriteQuality.Colourfulness(new[] { source.Pixels })).Within(1e-12), "the reference is the source sprite");
            Assert.That(colour.GetProperty("variations").GetDouble(), Is.EqualTo(SpriteQuality.Colourfulness(new[] { reconstruction })).Within(1e-12));
            JsonElement sharp = report.GetProperty("sharpness");
            Assert.That(sharp.GetProperty("ratio").GetDouble(), Is.EqualTo(SpriteQuality.Sharpness(reconstruction, 16, 16) / SpriteQuality.Sharpness(source.Pixels, 16, 16)).Within(1e-9));
            var train = QualityFixtureData.Pixels(QualityFixtureData.Train());
            var heldOut = QualityFixtureData.Pixels(AuthoringModels.HeldOut());
            Assert.That(report.GetProperty("held_out_median_nn_distance").GetDouble(), Is.EqualTo(SpriteQuality.Median(SpriteQuality.NearestDistances(heldOut, train))).Within(1e-9));
        }

        [Test]
        public void NoiseSpreadsTheVariations()
        {
            using var scratch = new ScratchFolder();
            // Smooth pixels: the tiny model's variations differ by less than its palette's spacing, so snapped they coincide.
            JsonElement report = Vary(scratch, AuthoringModels.HeldOut().Items[0].Image, "1", out string output, "--pixels", "smooth");
            var variations = Enumerable.Range(0, 4).Select(i => Path.Combine(output, $"variation-{i:D2}.png")).Select(p => PngCodec.Decode(File.ReadAllBytes(p), p).Pixels).ToList();
            Assert.That(report.GetProperty("mean_pairwise_distance").GetDouble(), Is.EqualTo(SpriteQuality.MeanPairwiseDistance(variations)).Within(1e-5));
            Assert.That(report.GetProperty("mean_pairwise_distance").GetDouble(), Is.GreaterThan(0));
        }
    }
}
