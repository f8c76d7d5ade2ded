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
    /// What `quality` reports about `vary`: every held-out sprite varied as `vary` would (same count, strength, seed, source
    /// detail and snapping), each measured against its own source (<see cref="VariationQualityReport"/>), summed
    /// up as medians and the share of sources whose variations keep at least <see cref="KeptShare"/> of the source's
    /// colourfulness and sharpness.
    /// </summary>
    internal sealed record VariationSurvey
    {
        /// <summary>The fraction of a source's colourfulness and sharpness its variations should keep (the sprite goal).</summary>
        public const double KeptShare = 0.85;
        /// <summary>
        /// Sources less colourful than this (grey, brown and black items; the training sprites pool to about 0.33) are left
        /// out of the colourfulness figures: they have next to no colour to keep, and their ratio only measures noise.
        /// </summary>
        public const double ColouredSource = 0.1;

        [JsonPropertyName("sources")] public int Sources { get; init; }
        [JsonPropertyName("coloured_sources")] public int ColouredSources { get; init; }
        [JsonPropertyName("variations_per_source")] public int VariationsPerSource { get; init; }
        [JsonPropertyName("strength")] public double Strength { get; init; }
        [JsonPropertyName("median_colourfulness_ratio")] public double MedianColourfulnessRatio { get; init; }
        [JsonPropertyName("share_keeping_colourfulness")] public double ShareKeepingColourfulness { get; init; }
        [JsonPropertyName("median_sharpness_ratio")] public double MedianSharpnessRatio { get; init; }
        [JsonPropertyName("share_keeping_sharpness")] public double ShareKeepingSharpness { get; init; }
        [JsonPropertyName("median_distance_to_source")] public double MedianDistanceToSource { get; init; }
        [JsonPropertyName("median_pairwise_distance")] public double MedianPairwiseDistance { get; init; }

        /// <summary>Varies every sprite of <paramref name="sources"/> and measures the variations against it.</summary>
        /// <param name="vae">A sprite model with its encoder.</param>
        /// <param name="sources">The sprites to vary (labels are used by conditional models).</param>
        /// <param name="count">Variations per source.</param>
        /// <param name="strength">As `vary --strength`.</param>
        /// <param name="seed">As `vary --seed`, the same for every source.</param>
        /// <param name="snapper">
        /// Null keeps the decoder's colours; otherwise each source's variations are snapped to that source's own colours as
        /// `vary` snaps them (<see cref="SourceColourSnapper"/>, at this snapper's alpha threshold), or to this snapper
        /// for a fully transparent source.
        /// </param>
        public static VariationSurvey Measure(VaeModel vae, SpriteDataset sources, int count, float strength, long seed, PaletteSnapper? snapper)
        {
            int w = vae.Contract.Width, h = vae.Contract.Height;
            var reports = new List<VariationQualityReport>(sources.Count);
            foreach (SpriteItem item in sources.Items)
            {
                int label = vae.Contract.IsConditional ? vae.LabelIndex(item.Label) : VaeModel.NoLabel;
                IReadOnlyList<byte[]> variations = SpriteVariations.Vary(vae, item.Image.Pixels, count, strength, seed, label, keepSourceDetail: true);
                if (snapper != null)
                {
                    IPixelSnapper own = (IPixelSnapper?)SourceColourSnapper.ForSprite(item.Image.Pixels, w, h, snapper.AlphaThreshold) ?? snapper;
                    foreach (byte[] sprite in variations) own.Snap(sprite);
                }
                reports.Add(VariationQualityReport.Measure(item.Image.Pixels, variations, w, h, strength, 0));
            }
            List<double> colour = reports.Where(r => r.Colourfulness.Source >= ColouredSource).Select(r => r.Colourfulness.Ratio!.Value).ToList();
            List<double> sharp = reports.Where(r => r.Sharpness.Ratio != null).Select(r => r.Sharpness.Ratio!.Value).ToList();
            return new VariationSurvey
            {
                Sources = reports.Count,
                ColouredSources = colour.Count,
                VariationsPerSource = count,
                Strength = strength,
                MedianColourfulnessRatio = MedianOrZero(colour),
                ShareKeepingColourfulness = ShareAtLeast(colour, KeptShare),
                MedianSharpnessRatio = MedianOrZero(sharp),
                ShareKeepingSharpness = ShareAtLeast(sharp, KeptShare),
                MedianDistanceToSource = MedianOrZero(reports.Select(r => r.MeanDistanceToSource).ToList()),
                MedianPairwiseDistance = MedianOrZero(reports.Select(r => r.MeanPairwiseDistance).ToList()),
            };
        }

        /// <summary>The lines `quality` adds to its table.</summary>
        public string ToTable()
        {
            var text = new StringBuilder();
            text.AppendLine(Invariant($"vary: {VariationsPerSource} variations of each of the {Sources} held-out sprites at strength {Strength:0.##}, measured against their source"));
            text.AppendLine(Invariant($"{"  colourfulness",-30} median {MedianColourfulnessRatio:F2}x, {ShareKeepingColourfulness * 100:F0}% of sources keep >= {KeptShare:0.00}x  (the {ColouredSources} with colourfulness >= {ColouredSource:0.0})"));
            text.AppendLine(Invariant($"{"  sharpness",-30} median {MedianSharpnessRatio:F2}x, {ShareKeepingSharpness * 100:F0}% of sources keep >= {KeptShare:0.00}x"));
            text.AppendLine(Invariant($"{"  distance to the source",-30} median {MedianDistanceToSource:F2}  (between variations {MedianPairwiseDistance:F2})"));
            return text.ToString();
        }

        private static double MedianOrZero(IReadOnlyList<double> values) => values.Count == 0 ? 0 : SpriteQuality.Median(values);

        private static double ShareAtLeast(IReadOnlyList<double> values, double bar) => values.Count == 0 ? 0 : values.Count(v => v >= bar) / (double)values.Count;
    }
}
