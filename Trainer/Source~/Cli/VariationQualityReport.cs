using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Serialization;
using VaeProcgen.Authoring;
using static System.FormattableString;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>
    /// What `vary --report` prints and writes to report.json: the variations' colourfulness and sharpness next to
    /// the source sprite's, how far they are from the source and from each other, and for scale how far a
    /// held-out real sprite is from its nearest training sprite (median).
    /// </summary>
    internal sealed record VariationQualityReport
    {
        [JsonPropertyName("variations")] public int Variations { get; init; }
        [JsonPropertyName("strength")] public double Strength { get; init; }
        /// <summary>Colourfulness of the variations (pooled) and of the source sprite.</summary>
        [JsonPropertyName("colourfulness")] public VersusSource Colourfulness { get; init; } = new VersusSource();
        /// <summary>Mean sharpness of the variations and sharpness of the source sprite.</summary>
        [JsonPropertyName("sharpness")] public VersusSource Sharpness { get; init; } = new VersusSource();
        [JsonPropertyName("mean_distance_to_source")] public double MeanDistanceToSource { get; init; }
        [JsonPropertyName("mean_pairwise_distance")] public double MeanPairwiseDistance { get; init; }
        [JsonPropertyName("held_out_median_nn_distance")] public double HeldOutMedianDistance { get; init; }

        /// <summary>A figure of the variations next to the source sprite's, and their ratio (null when the source's is 0).</summary>
        internal sealed class VersusSource
        {
            [JsonPropertyName("variations")] public double Variations { get; init; }
            [JsonPropertyName("source")] public double Source { get; init; }
            [JsonPropertyName("ratio")] public double? Ratio { get; init; }

            public static VersusSource Of(double variations, double source) =>
                new VersusSource { Variations = variations, Source = source, Ratio = source > 0 ? variations / source : null };
        }

        /// <summary>Measures <paramref name="variations"/> of <paramref name="source"/> (RGBA32, width x height).</summary>
        public static VariationQualityReport Measure(byte[] source, IReadOnlyList<byte[]> variations, int width, int height, double strength, double heldOutMedianDistance)
        {
            var sourceOnly = new[] { source };
            return new VariationQualityReport
            {
                Variations = variations.Count,
                Strength = strength,
                Colourfulness = VersusSource.Of(SpriteQuality.Colourfulness(variations), SpriteQuality.Colourfulness(sourceOnly)),
                Sharpness = VersusSource.Of(SpriteQuality.Sharpness(variations, width, height), SpriteQuality.Sharpness(sourceOnly, width, height)),
                MeanDistanceToSource = variations.Average(v => SpriteQuality.Distance(v, source)),
                MeanPairwiseDistance = SpriteQuality.MeanPairwiseDistance(variations),
                HeldOutMedianDistance = heldOutMedianDistance,
            };
        }

        /// <summary>The table printed on the console.</summary>
        public string ToTable()
        {
            var text = new StringBuilder();
            text.AppendLine(Invariant($"{"figure",-38} {"variations",10} {"source",10} {"ratio",7}"));
            text.AppendLine(SpriteQualityReport.Row("colourfulness", Colourfulness.Variations, Colourfulness.Source, Colourfulness.Ratio, 38));
            text.AppendLine(SpriteQualityReport.Row("sharpness", Sharpness.Variations, Sharpness.Source, Sharpness.Ratio, 38));
            text.AppendLine(Invariant($"{"mean distance to the source",-38} {MeanDistanceToSource,10:F2}"));
            text.AppendLine(Invariant($"{"mean distance between variations",-38} {MeanPairwiseDistance,10:F2}"));
            text.AppendLine(Invariant($"{"held-out to nearest training, median",-38} {HeldOutMedianDistance,10:F2}"));
            return text.ToString();
        }
    }
}
