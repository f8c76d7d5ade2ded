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
    /// <summary>`quality` on the tiny unconditional authoring model (16x16 potions and rings).</summary>
    public class QualityCommandTests
    {
        private const int Samples = 12;
        private const int FirstSeed = 5;

        private static string[] QualityArgs(params string[] extra) =>
            new[] { "quality", "--model", AuthoringModels.Unconditional, "--samples", Samples.ToString(), "--seed", FirstSeed.ToString() }
                .Concat(QualityFixtureData.SplitOptions).Concat(extra).ToArray();

        private static JsonElement RunJson(params string[] extra)
        {
            var (exit, output, error) = ConsoleCapture.Run(QualityArgs(extra.Append("--json").ToArray()));
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(error, Is.Empty, "the data is the model's own, so there is no warning");
            return JsonDocument.Parse(output).RootElement;
        }

        [Test]
        public void JsonFiguresAreTheMetricsOfTheSeedsAgainstTheTrainingSplit()
        {
            JsonElement report = RunJson();
            List<byte[]> train = QualityFixtureData.Pixels(QualityFixtureData.Train());
            List<byte[]> heldOut = QualityFixtureData.Pixels(AuthoringModels.HeldOut());
            Assert.That(report.GetProperty("training_sprites").GetInt32(), Is.EqualTo(train.Count));
            Assert.That(report.GetProperty("held_out_sprites").GetInt32(), Is.EqualTo(heldOut.Count));
            Assert.That(report.GetProperty("samples").GetInt32(), Is.EqualTo(Samples));

            Assert.That(report.GetProperty("palette_snapped").GetBoolean(), Is.True, "the default output is snapped to the training palette");

            using VaeModel vae = VaeModel.Load(AuthoringModels.Unconditional);
            var snapper = new PaletteSnapper(vae.Contract.Palette);
            var generated = Enumerable.Range(FirstSeed, Samples).Select(s => vae.GenerateRgba(s)).ToList();
            generated.ForEach(sprite => snapper.Snap(sprite));
            // Batched and single-sprite decoding may round a byte differently, hence the small tolerances.
            JsonElement colour = report.GetProperty("colourfulness");
            Assert.That(colour.GetProperty("generated").GetDouble(), Is.EqualTo(SpriteQuality.Colourfulness(generated)).Within(1e-3));
            Assert.That(colour.GetProperty("training").GetDouble(), Is.EqualTo(SpriteQuality.Colourfulness(train)).Within(1e-12));
            Assert.That(colour.GetProperty("ratio").GetDouble(), Is.EqualTo(colour.GetProperty("generated").GetDouble() / colour.GetProperty("training").GetDouble()).Within(1e-12));
            JsonElement sharp = report.GetProperty("sharpness");
            Assert.That(sharp.GetProperty("generated").GetDouble(), Is.EqualTo(SpriteQuality.Sharpness(generated, 16, 16)).Within(1e-3));
            Assert.That(sharp.GetProperty("training").GetDouble(), Is.EqualTo(SpriteQuality.Sharpness(train, 16, 16)).Within(1e-12));
            JsonElement coverage = report.GetProperty("coverage");
            Assert.That(coverage.GetProperty("generated").GetDouble(), Is.EqualTo(SpriteQuality.Coverage(generated)).Within(1e-3));
            Assert.That(coverage.GetProperty("training").GetDouble(), Is.EqualTo(SpriteQuality.Coverage(train)).Within(1e-12));
            JsonElement novelty = report.GetProperty("novelty");
            Assert.That(novelty.GetProperty("held_out_median_nn_distance").GetDouble(), Is.EqualTo(SpriteQuality.Median(SpriteQuality.NearestDistances(heldOut, train))).Within(1e-9));
            Assert.That(novelty.GetProperty("ratio").GetDouble(), Is.EqualTo(SpriteQuality.Novelty(generated, train, heldOut)).Within(1e-2));
            Assert.That(novelty.GetProperty("ratio").GetDouble(), Is.GreaterThan(0), "generated sprites are not copies");
            JsonElement hues = report.GetProperty("hues");
            double[] trainingHues = hues.GetProperty("training").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            double[] generatedHues = hues.GetProperty("generated").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            Assert.That(trainingHues, Is.EqualTo(SpriteQuality.HueHistogram(train)).Within(1e-12));
            Assert.That(generatedHues, Is.EqualTo(SpriteQuality.HueHistogram(generated)).Within(1e-2));
            Assert.That(hues.GetProperty("overlap").GetDouble(), Is.EqualTo(SpriteQuality.HueOverlap(generatedHues, trainingHues)).Within(1e-12));
            Assert.That(hues.GetProperty("sectors").GetArrayLength(), Is.EqualTo(SpriteQuality.HueSectors));
            Assert.That(report.GetProperty("fragments").GetInt32(), Is.EqualTo(SpriteQuality.Fragments(generated, train)));
        }

        [Test]
        public void SmoothPixelsMeasureTheDecodersOwnColours()
        {
            JsonElement smooth = RunJson("--pixels", "smooth");
            Assert.That(smooth.GetProperty("palette_snapped").GetBoolean(), Is.False);
            using VaeModel vae = VaeModel.Load(AuthoringModels.Unconditional);
            var generated = Enumerable.Range(FirstSeed, Samples).Select(s => vae.GenerateRgba(s)).ToList();
            double sharpness = smooth.GetProperty("sharpness").GetProperty("generated").GetDouble();
            Assert.That(smooth.GetProperty("colourfulness").GetProperty("generated").GetDouble(), Is.EqualTo(SpriteQuality.Colourfulness(generated)).Within(1e-3));
            Assert.That(sharpness, Is.EqualTo(SpriteQuality.Sharpness(generated, 16, 16)).Within(1e-3));
            double snapped = RunJson().GetProperty("sharpness").GetProperty("generated").GetDouble();
            Assert.That(snapped, Is.Not.EqualTo(sharpness).Within(1e-3), "snapping changes the pixels, so the two outputs measure differently");
        }

        [Test]
        public void HeldOutNegElboIsWhatEvalReportsForTheHeldOutSpritesWithItsDefaultSeed()
        {
            JsonElement report = RunJson();
            using var scratch = new ScratchFolder();
            string heldOut = AuthoringModels.WriteFolder(AuthoringModels.HeldOut(), Path.Combine(scratch.Path, "held-out"));
            var (exit, output, error) = ConsoleCapture.Run("eval", "--model", AuthoringModels.Unconditional, "--data", heldOut);
            Assert.That(exit, Is.EqualTo(0), error);
            double expected = JsonDocument.Parse(output).RootElement.GetProperty("mean_neg_elbo").GetDouble();
            Assert.That(report.GetProperty("held_out_neg_elbo").GetDouble(), Is.EqualTo(expected).Within(1e-9));
        }

        [Test]
        public void JsonFileGoesNextToTheTableAndIsDeterministic()
        {
            using var scratch = new ScratchFolder();
            string path = Path.Combine(scratch.Path, "reports", "quality.json");
            var (exit, output, error) = ConsoleCapture.Run(QualityArgs("--json", path));
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain("colourfulness").And.Contain("sharpness").And.Contain("novelty").And.Contain("held-out -ELBO"));
            var (again, json, _) = ConsoleCapture.Run(QualityArgs("--json"));
            Assert.That(again, Is.EqualTo(0));
            Assert.That(File.ReadAllText(path), Is.EqualTo(json.TrimEnd()), "same seeds, same report, in the file and on stdout");
        }

        [Test]
        public void OtherDataIsMeasuredWithAWarning()
        {
            using var scratch = new ScratchFolder();
            string other = AuthoringModels.WriteFolder(AuthoringModels.OfClasses(6, "potion", "ring"), Path.Combine(scratch.Path, "other"));
            var (exit, output, error) = ConsoleCapture.Run("quality", "--model", AuthoringModels.Unconditional, "--samples", "4", "--data", other, "--json");
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(error, Does.StartWith("warning: ").And.Contain("not the data the model was trained on"));
            Assert.That(JsonDocument.Parse(output).RootElement.GetProperty("training_sprites").GetInt32() + JsonDocument.Parse(output).RootElement.GetProperty("held_out_sprites").GetInt32(), Is.EqualTo(12));
        }

        [Test]
        public void SplitSeedDefaultsToTheTrainingSeedInTheCheckpoint()
        {
            // The authoring models were trained with --seed 3 (AuthoringModels split their data with seed 1, unlike `train`).
            var (exit, output, error) = ConsoleCapture.Run("quality", "--model", AuthoringModels.Unconditional, "--samples", "2", "--data", QualityFixtureData.Folder, "--test-fraction", "0.2", "--json");
            Assert.That(exit, Is.EqualTo(0), error);
            var (train, heldOut) = AuthoringModels.TrainingClasses().Split(AuthoringModels.TestFraction, 3);
            double expected = SpriteQuality.Median(SpriteQuality.NearestDistances(QualityFixtureData.Pixels(heldOut), QualityFixtureData.Pixels(train)));
            double expectedWithSeed1 = SpriteQuality.Median(SpriteQuality.NearestDistances(QualityFixtureData.Pixels(AuthoringModels.HeldOut()), QualityFixtureData.Pixels(QualityFixtureData.Train())));
            Assert.That(expected, Is.Not.EqualTo(expectedWithSeed1).Within(1e-6), "the two splits must be distinguishable for this test to mean anything");
            double found = JsonDocument.Parse(output).RootElement.GetProperty("novelty").GetProperty("held_out_median_nn_distance").GetDouble();
            Assert.That(found, Is.EqualTo(expected).Within(1e-9));
        }

        [Test]
        public void TestFractionDefaultsToTheOneInTheCheckpoint()
        {
            var (exit, output, error) = ConsoleCapture.Run("quality", "--model", AuthoringModels.Unconditional, "--samples", "2", "--data", QualityFixtureData.Folder, "--split-seed", "3", "--json");
            Assert.That(exit, Is.EqualTo(0), error);
            int expected = AuthoringModels.TrainingClasses().Split(AuthoringModels.TestFraction, 3).Test.Count;
            int withDefault = AuthoringModels.TrainingClasses().Split(VaeProcgen.Trainer.Cli.QualityDataOptions.DefaultTestFraction, 3).Test.Count;
            Assert.That(expected, Is.Not.EqualTo(withDefault), "the two fractions must hold out different counts for this test to mean anything");
            Assert.That(JsonDocument.Parse(output).RootElement.GetProperty("held_out_sprites").GetInt32(), Is.EqualTo(expected));
        }

        [Test]
        public void AnUnreadableCheckpointAsksForTheSplitAndTypedSplitOptionsNeedNoCheckpoint()
        {
            using var scratch = new ScratchFolder();
            foreach (string file in Directory.GetFiles(AuthoringModels.Unconditional, "*.onnx")) File.Copy(file, Path.Combine(scratch.Path, Path.GetFileName(file)));
            File.WriteAllText(Path.Combine(scratch.Path, "checkpoint.bin"), "not a checkpoint");
            var (exit, _, error) = ConsoleCapture.Run("quality", "--model", scratch.Path, "--samples", "2", "--data", QualityFixtureData.Folder);
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("training split cannot be read").And.Contain("pass --split-seed and --test-fraction"));
            Assert.That(error, Does.Not.Contain("   at "), "one sentence, no stack trace");
            var (typedExit, _, typedError) = ConsoleCapture.Run("quality", "--model", scratch.Path, "--samples", "2", "--data", QualityFixtureData.Folder, "--split-seed", "3", "--test-fraction", "0.2");
            Assert.That(typedExit, Is.EqualTo(0), typedError);
        }

        [Test]
        public void ConditionalModelSamplesItsClassesInTrainingProportion()
        {
            var args = new List<string> { "quality", "--model", AuthoringModels.Conditional, "--samples", "10", "--json" };
            args.AddRange(QualityFixtureData.SplitOptions);
            var (exit, output, error) = ConsoleCapture.Run(args.ToArray());
            Assert.That(exit, Is.EqualTo(0), error);
            var train = QualityFixtureData.Train();
            int potions = train.Items.Count(i => i.Label == "potion");
            using VaeModel vae = VaeModel.Load(AuthoringModels.Conditional);
            // Sprite i takes the label of training item i * N / 10: potions first, then rings.
            var generated = Enumerable.Range(0, 10).Select(i => vae.GenerateRgba(i, vae.LabelIndex((long)i * train.Count / 10 < potions ? "potion" : "ring"))).ToList();
            double colour = JsonDocument.Parse(output).RootElement.GetProperty("colourfulness").GetProperty("generated").GetDouble();
            Assert.That(colour, Is.EqualTo(SpriteQuality.Colourfulness(generated)).Within(1e-3));
        }

        [Test]
        public void VariationsAreEveryHeldOutSpriteVariedAsVaryDoes_MeasuredAgainstItsSource()
        {
            JsonElement survey = RunJson().GetProperty("variations");
            var heldOut = AuthoringModels.HeldOut();
            using VaeModel vae = VaeModel.Load(AuthoringModels.Unconditional);
            var sharpness = new List<double>();
            var toSource = new List<double>();
            foreach (var item in heldOut.Items)
            {
                var variations = SpriteVariations.Vary(vae, item.Image.Pixels, 8, 0.5f, 0, keepSourceDetail: true);
                SourceColourSnapper ownColours = SourceColourSnapper.ForSprite(item.Image.Pixels, 16, 16)!;
                foreach (byte[] sprite in variations) ownColours.Snap(sprite);
                sharpness.Add(SpriteQuality.Sharpness(variations, 16, 16) / SpriteQuality.Sharpness(item.Image.Pixels, 16, 16));
                toSource.Add(variations.Average(v => SpriteQuality.Distance(v, item.Image.Pixels)));
            }
            Assert.That(survey.GetProperty("sources").GetInt32(), Is.EqualTo(heldOut.Count));
            Assert.That(survey.GetProperty("strength").GetDouble(), Is.EqualTo(0.5).Within(1e-9));
            Assert.That(survey.GetProperty("median_sharpness_ratio").GetDouble(), Is.EqualTo(SpriteQuality.Median(sharpness)).Within(1e-6));
            Assert.That(survey.GetProperty("share_keeping_sharpness").GetDouble(), Is.EqualTo(sharpness.Count(r => r >= 0.85) / (double)sharpness.Count).Within(1e-9));
            Assert.That(survey.GetProperty("median_distance_to_source").GetDouble(), Is.EqualTo(SpriteQuality.Median(toSource)).Within(1e-6).And.GreaterThan(0));

            JsonElement reconstructions = RunJson("--vary-strength", "0").GetProperty("variations");
            Assert.That(reconstructions.GetProperty("median_pairwise_distance").GetDouble(), Is.EqualTo(0).Within(1e-12), "strength 0 decodes the same reconstruction every time");
            Assert.That(RunJson("--vary-strength", "-1").GetProperty("variations").ValueKind, Is.EqualTo(JsonValueKind.Null));
        }

        [TestCase("--samples", "0")]
        [TestCase("--test-fraction", "1")]
        [TestCase("--vary-strength", "NaN")]
        public void BadOptionIsAUserError(string option, string value)
        {
            var (exit, _, error) = ConsoleCapture.Run("quality", "--model", AuthoringModels.Unconditional, option, value);
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1), error);
            Assert.That(error, Does.StartWith("error: ").And.Contain(option));
        }
    }
}
