using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Serialization;
using VaeProcgen.Authoring;
using VaeProcgen.Trainer.Data;
using static System.FormattableString;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>
    /// What `quality` prints: colourfulness, sharpness and novelty of generated sprites against the training
    /// sprites, plus the held-out -ELBO. Serialized as the command's JSON (snake_case names).
    /// </summary>
    internal sealed record SpriteQualityReport
    {
        [JsonPropertyName("samples")] public int Samples { get; init; }
        [JsonPropertyName("first_seed")] public long FirstSeed { get; init; }
        [JsonPropertyName("prior")] public string Prior { get; init; } = "";
        [JsonPropertyName("backend")] public string Backend { get; init; } = "";
        [JsonPropertyName("palette_snapped")] public bool PaletteSnapped { get; init; }
        [JsonPropertyName("training_sprites")] public int TrainingSprites { get; init; }
        [JsonPropertyName("held_out_sprites")] public int HeldOutSprites { get; init; }
        [JsonPropertyName("colourfulness")] public Comparison Colourfulness { get; init; } = new Comparison();
        [JsonPropertyName("sharpness")] public Comparison Sharpness { get; init; } = new Comparison();
        /// <summary>Mean opaque share of the canvas (<see cref="SpriteQuality.Coverage"/>).</summary>
        [JsonPropertyName("coverage")] public Comparison Coverage { get; init; } = new Comparison();
        [JsonPropertyName("novelty")] public NoveltyFigures Novelty { get; init; } = new NoveltyFigures();
        [JsonPropertyName("hues")] public HueFigures Hues { get; init; } = new HueFigures();
        /// <summary>Generated sprites with fewer opaque pixels than the smallest training sprite (<see cref="SpriteQuality.Fragments"/>).</summary>
        [JsonPropertyName("fragments")] public int Fragments { get; init; }
        /// <summary>Mean -ELBO (nats per sprite) of the held-out sprites; null when the model has no encoder.</summary>
        [JsonPropertyName("held_out_neg_elbo")] public double? HeldOutNegElbo { get; init; }
        /// <summary>How much of each held-out sprite's colourfulness and sharpness `vary` keeps; null when not measured.</summary>
        [JsonPropertyName("variations")] public VariationSurvey? Variations { get; init; }

        /// <summary>A figure of the generated sprites next to the training sprites' and their ratio.</summary>
        internal sealed class Comparison
        {
            [JsonPropertyName("generated")] public double Generated { get; init; }
            [JsonPropertyName("training")] public double Training { get; init; }
            [JsonPropertyName("ratio")] public double? Ratio { get; init; }
        }

        /// <summary>Median nearest-training-sprite distances of generated and held-out sprites, and their ratio (the novelty).</summary>
        internal sealed class NoveltyFigures
        {
            [JsonPropertyName("generated_median_nn_distance")] public double GeneratedMedianDistance { get; init; }
            [JsonPropertyName("held_out_median_nn_distance")] public double HeldOutMedianDistance { get; init; }
            [JsonPropertyName("ratio")] public double? Ratio { get; init; }
        }

        /// <summary>Hue histograms (shares of coloured pixels per 30-degree sector, from red) of generated and training sprites and their overlap.</summary>
        internal sealed class HueFigures
        {
            [JsonPropertyName("sectors")] public IReadOnlyList<string> Sectors { get; init; } = SpriteQuality.HueSectorNames;
            [JsonPropertyName("generated")] public double[] Generated { get; init; } = Array.Empty<double>();
            [JsonPropertyName("training")] public double[] Training { get; init; } = Array.Empty<double>();
            [JsonPropertyName("overlap")] public double Overlap { get; init; }

            /// <summary>Sectors holding at least 2% of the training sprites' coloured pixels but less than a quarter of that share in the generated ones.</summary>
            public IEnumerable<string> Missing() =>
                Enumerable.Range(0, Training.Length).Where(k => Training[k] >= 0.02 && Generated[k] < 0.25 * Training[k]).Select(k => Sectors[k]);
        }

        /// <summary>Measures <paramref name="generated"/> (RGBA32 sprites at the data's size) against the split data; the caller fills in how they were made (seed, prior, backend, -ELBO).</summary>
        public static SpriteQualityReport Measure(IReadOnlyList<byte[]> generated, SpriteDataset train, SpriteDataset heldOut)
        {
            List<byte[]> trainPixels = Pixels(train);
            int w = train.Width, h = train.Height;
            double generatedDistance = SpriteQuality.Median(SpriteQuality.NearestDistances(generated, trainPixels));
            double heldOutDistance = HeldOutNearestDistance(train, heldOut);
            return new SpriteQualityReport
            {
                Samples = generated.Count,
                TrainingSprites = train.Count,
                HeldOutSprites = heldOut.Count,
                Colourfulness = Compare(SpriteQuality.Colourfulness(generated), SpriteQuality.Colourfulness(trainPixels)),
                Sharpness = Compare(SpriteQuality.Sharpness(generated, w, h), SpriteQuality.Sharpness(trainPixels, w, h)),
                Coverage = Compare(SpriteQuality.Coverage(generated), SpriteQuality.Coverage(trainPixels)),
                Novelty = new NoveltyFigures { GeneratedMedianDistance = generatedDistance, HeldOutMedianDistance = heldOutDistance, Ratio = Ratio(generatedDistance, heldOutDistance) },
                Hues = Hue(generated, trainPixels),
                Fragments = SpriteQuality.Fragments(generated, trainPixels),
            };
        }

        /// <summary>Median distance of a held-out sprite to its nearest training sprite: how far "new" real sprites are.</summary>
        public static double HeldOutNearestDistance(SpriteDataset train, SpriteDataset heldOut) =>
            SpriteQuality.Median(SpriteQuality.NearestDistances(Pixels(heldOut), Pixels(train)));

        private static HueFigures Hue(IReadOnlyList<byte[]> generated, IReadOnlyList<byte[]> training)
        {
            double[] mine = SpriteQuality.HueHistogram(generated), reference = SpriteQuality.HueHistogram(training);
            return new HueFigures { Generated = mine, Training = reference, Overlap = SpriteQuality.HueOverlap(mine, reference) };
        }

        private static Comparison Compare(double generated, double reference) =>
            new Comparison { Generated = generated, Training = reference, Ratio = Ratio(generated, reference) };

        /// <summary>The table printed on the console.</summary>
        public string ToTable()
        {
            var text = new StringBuilder();
            text.AppendLine(Invariant($"{Samples} samples (seeds {FirstSeed}..{FirstSeed + Samples - 1}, {Prior} prior, {Backend} backend{(PaletteSnapped ? ", palette-snapped" : "")}) against {TrainingSprites} training and {HeldOutSprites} held-out sprites"));
            text.AppendLine(Invariant($"{"figure",-30} {"generated",10} {"reference",10} {"ratio",7}"));
            text.AppendLine(Row("colourfulness", Colourfulness.Generated, Colourfulness.Training, Colourfulness.Ratio, 30) + "  (reference: training sprites)");
            text.AppendLine(Row("sharpness", Sharpness.Generated, Sharpness.Training, Sharpness.Ratio, 30) + "  (reference: training sprites)");
            text.AppendLine(Row("coverage (opaque share)", Coverage.Generated, Coverage.Training, Coverage.Ratio, 30) + "  (reference: training sprites)");
            text.AppendLine(Row("novelty (median NN distance)", Novelty.GeneratedMedianDistance, Novelty.HeldOutMedianDistance, Novelty.Ratio, 30) + "  (reference: held-out sprites)");
            text.AppendLine(Row($"hue overlap ({SpriteQuality.HueSectors} sectors)", Hues.Overlap, 1, Hues.Overlap, 30) + "  (1 = the training sprites' hues in their proportions)");
            string missing = string.Join(", ", Hues.Missing());
            if (missing.Length > 0) text.AppendLine($"{"hues the samples lack",-30} {missing}");
            text.AppendLine(Invariant($"{"fragments",-30} {Fragments,10} of {Samples}  (smaller than every training sprite)"));
            if (HeldOutNegElbo is double elbo) text.AppendLine(Invariant($"{"held-out -ELBO (nats/sprite)",-30} {elbo,10:F1}"));
            if (Variations != null) text.Append(Variations.ToTable());
            return text.ToString();
        }

        /// <summary>One table row: name, value, reference value and ratio.</summary>
        public static string Row(string name, double value, double reference, double? ratio, int nameWidth) =>
            string.Format(CultureInfo.InvariantCulture, "{0} {1,10:F3} {2,10:F3} {3,7}", name.PadRight(nameWidth), value, reference, Format(ratio));

        private static string Format(double? ratio) => ratio is double r ? r.ToString("F2", CultureInfo.InvariantCulture) : "n/a";

        private static double? Ratio(double value, double reference) => reference > 0 ? value / reference : null;

        private static List<byte[]> Pixels(SpriteDataset set) => set.Items.Select(i => i.Image.Pixels).ToList();
    }
}
