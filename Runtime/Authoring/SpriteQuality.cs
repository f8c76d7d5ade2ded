using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace VaeProcgen.Authoring
{
    /// <summary>
    /// Figures that say whether generated sprites look like a game's sprites: colourfulness, sharpness and
    /// novelty (distance to the nearest training sprite). Every method takes RGBA32 sprites (H*W*4 bytes, row-major,
    /// top row first, straight alpha, as <see cref="VaeModel.DecodeRgba"/> writes them) and reads values as [0, 1].
    /// Compare a set of generated sprites with the training sprites: a ratio near 1 means "as colourful / as crisp".
    /// Pure functions; thread-safe.
    /// </summary>
    internal static class SpriteQuality
    {
        /// <summary>Pixels count as opaque for <see cref="Colourfulness"/> when alpha / 255 &gt; 0.5, i.e. alpha &gt;= this.</summary>
        public const byte OpaqueAlpha = 128;

        /// <summary>
        /// Hasler and Süsstrunk's colourfulness M = sqrt(sd(rg)^2 + sd(yb)^2) + 0.3 * sqrt(mean(rg)^2 + mean(yb)^2)
        /// with rg = R - G and yb = (R + G) / 2 - B (straight RGB in [0, 1], population standard deviation),
        /// pooled over the opaque pixels (see <see cref="OpaqueAlpha"/>) of all <paramref name="sprites"/>.
        /// 0 when no pixel is opaque. Grey sprites score 0; saturated, varied colours score higher (0.3 is vivid).
        /// </summary>
        public static double Colourfulness(IReadOnlyList<byte[]> sprites)
        {
            RequireSprites(sprites, nameof(sprites));
            long n = 0;
            double sumRg = 0, sumYb = 0, sumRg2 = 0, sumYb2 = 0;
            foreach (byte[] rgba in sprites)
            {
                RequireRgba(rgba, nameof(sprites));
                for (int p = 0; p < rgba.Length; p += 4)
                {
                    if (rgba[p + 3] < OpaqueAlpha) continue;
                    double r = rgba[p] / 255.0, g = rgba[p + 1] / 255.0, b = rgba[p + 2] / 255.0;
                    double rg = r - g;
                    double yb = 0.5 * (r + g) - b;
                    sumRg += rg;
                    sumYb += yb;
                    sumRg2 += rg * rg;
                    sumYb2 += yb * yb;
                    n++;
                }
            }
            if (n == 0) return 0;
            double meanRg = sumRg / n, meanYb = sumYb / n;
            double varRg = Math.Max(0, sumRg2 / n - meanRg * meanRg);
            double varYb = Math.Max(0, sumYb2 / n - meanYb * meanYb);
            return Math.Sqrt(varRg + varYb) + 0.3 * Math.Sqrt(meanRg * meanRg + meanYb * meanYb);
        }

        /// <summary>Sectors of <see cref="HueHistogram"/>: 12 of 30 degrees each, starting at red (0 degrees).</summary>
        public const int HueSectors = 12;

        /// <summary>Smallest chroma (largest minus smallest of R, G and B, in [0, 1]) of a pixel that <see cref="HueHistogram"/> counts as coloured.</summary>
        public const double ColouredChroma = 0.15;

        /// <summary>English names of the <see cref="HueSectors"/> sectors, in order.</summary>
        public static readonly IReadOnlyList<string> HueSectorNames = new[]
        {
            "red", "orange", "yellow", "chartreuse", "green", "spring green", "cyan", "azure", "blue", "violet", "magenta", "rose",
        };

        /// <summary>
        /// Which hues the sprites use: the share of their coloured opaque pixels (alpha as in <see cref="Colourfulness"/>,
        /// chroma at least <see cref="ColouredChroma"/>) in each 30-degree sector of the HSV hue circle, sector k covering
        /// [30k, 30k + 30) degrees. The shares sum to 1, or are all 0 when no pixel is coloured. A model that paints every
        /// item orange or blue shows it here even when its colourfulness looks fine.
        /// </summary>
        public static double[] HueHistogram(IReadOnlyList<byte[]> sprites)
        {
            RequireSprites(sprites, nameof(sprites));
            var counts = new double[HueSectors];
            long coloured = 0;
            foreach (byte[] rgba in sprites)
            {
                RequireRgba(rgba, nameof(sprites));
                for (int p = 0; p < rgba.Length; p += 4)
                {
                    if (rgba[p + 3] < OpaqueAlpha) continue;
                    int r = rgba[p], g = rgba[p + 1], b = rgba[p + 2];
                    int max = Math.Max(r, Math.Max(g, b)), min = Math.Min(r, Math.Min(g, b));
                    double chroma = (max - min) / 255.0;
                    if (chroma < ColouredChroma) continue;
                    double sixths = max == r ? (g - b) / (double)(max - min) : max == g ? 2 + (b - r) / (double)(max - min) : 4 + (r - g) / (double)(max - min);
                    if (sixths < 0) sixths += 6;
                    counts[Math.Min(HueSectors - 1, (int)(sixths * HueSectors / 6))]++;
                    coloured++;
                }
            }
            if (coloured > 0) for (int k = 0; k < HueSectors; k++) counts[k] /= coloured;
            return counts;
        }

        /// <summary>
        /// How much two hue histograms (<see cref="HueHistogram"/>) share: the sum over sectors of the smaller share, in
        /// [0, 1]; 1 = the same hues in the same proportions, 0 = no hue in common.
        /// </summary>
        public static double HueOverlap(IReadOnlyList<double> first, IReadOnlyList<double> second)
        {
            if (first == null) throw new ArgumentNullException(nameof(first));
            if (second == null) throw new ArgumentNullException(nameof(second));
            if (first.Count != second.Count) throw new ArgumentException($"The histograms have {first.Count} and {second.Count} sectors; they must have the same number.", nameof(second));
            double overlap = 0;
            for (int k = 0; k < first.Count; k++) overlap += Math.Min(first[k], second[k]);
            return overlap;
        }

        /// <summary>
        /// Sharpness of one sprite: the mean |difference| of horizontally adjacent plus the mean |difference| of
        /// vertically adjacent alpha-premultiplied R, G and B values in [0, 1] (every channel, every neighbouring pair).
        /// A flat sprite scores 0; crisp outlines and dithering score high, blur scores low.
        /// </summary>
        public static double Sharpness(ReadOnlySpan<byte> rgba, int width, int height)
        {
            if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), "Width and height must be positive.");
            if (rgba.Length != width * height * 4) throw new ArgumentException($"The sprite holds {rgba.Length} bytes but {width} x {height} RGBA needs {width * height * 4}.", nameof(rgba));
            double horizontal = 0, vertical = 0;
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    int p = (y * width + x) * 4;
                    for (int c = 0; c < 3; c++)
                    {
                        double v = Premultiplied(rgba, p, c);
                        if (x + 1 < width) horizontal += Math.Abs(v - Premultiplied(rgba, p + 4, c));
                        if (y + 1 < height) vertical += Math.Abs(v - Premultiplied(rgba, p + width * 4, c));
                    }
                }
            }
            double h = width > 1 ? horizontal / (3.0 * (width - 1) * height) : 0;
            double vert = height > 1 ? vertical / (3.0 * width * (height - 1)) : 0;
            return h + vert;
        }

        /// <summary>The mean of <see cref="Sharpness(ReadOnlySpan{byte}, int, int)"/> over <paramref name="sprites"/>.</summary>
        public static double Sharpness(IReadOnlyList<byte[]> sprites, int width, int height)
        {
            RequireSprites(sprites, nameof(sprites));
            double sum = 0;
            foreach (byte[] rgba in sprites) sum += Sharpness(rgba, width, height);
            return sum / sprites.Count;
        }

        /// <summary>Opaque pixels of an RGBA32 sprite: alpha of at least <see cref="PaletteSnapper.DefaultAlphaThreshold"/>.</summary>
        public static int OpaquePixels(ReadOnlySpan<byte> rgba)
        {
            int opaque = 0;
            for (int p = 3; p < rgba.Length; p += 4) if (rgba[p] >= PaletteSnapper.DefaultAlphaThreshold) opaque++;
            return opaque;
        }

        /// <summary>
        /// Mean share of each sprite's pixels that are opaque (<see cref="OpaquePixels"/>): how much of its canvas an item
        /// fills. Sharpness is averaged over the whole canvas, so smaller items score lower at the same crispness.
        /// </summary>
        public static double Coverage(IReadOnlyList<byte[]> sprites)
        {
            RequireSprites(sprites, nameof(sprites));
            double sum = 0;
            foreach (byte[] rgba in sprites) sum += OpaquePixels(rgba) / (rgba.Length / 4.0);
            return sum / sprites.Count;
        }

        /// <summary>
        /// How many of <paramref name="generated"/> are fragments rather than items: fewer opaque pixels than the smallest
        /// of the <paramref name="training"/> sprites.
        /// </summary>
        public static int Fragments(IReadOnlyList<byte[]> generated, IReadOnlyList<byte[]> training)
        {
            RequireSprites(training, nameof(training));
            int floor = training.Min(sprite => OpaquePixels(sprite));
            return generated.Count(sprite => OpaquePixels(sprite) < floor);
        }

        /// <summary>
        /// L2 distance between two sprites over all 4*H*W values: alpha-premultiplied R, G, B and alpha, each in [0, 1].
        /// Fully transparent pixels therefore count as (0, 0, 0, 0) whatever their stored colour.
        /// </summary>
        public static double Distance(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
        {
            if (a.Length != b.Length) throw new ArgumentException($"The sprites differ in size ({a.Length} and {b.Length} bytes).", nameof(b));
            if (a.Length % 4 != 0) throw new ArgumentException("RGBA32 sprites hold a multiple of 4 bytes.", nameof(a));
            double sum = 0;
            for (int i = 0; i < a.Length; i++)
            {
                double d = Feature(a, i) - Feature(b, i);
                sum += d * d;
            }
            return Math.Sqrt(sum);
        }

        /// <summary>For each query sprite, the <see cref="Distance"/> to its nearest reference sprite.</summary>
        public static double[] NearestDistances(IReadOnlyList<byte[]> queries, IReadOnlyList<byte[]> references)
        {
            RequireSprites(queries, nameof(queries));
            RequireSprites(references, nameof(references));
            float[][] refs = Features(references, queries[0].Length, nameof(references));
            float[][] qs = Features(queries, queries[0].Length, nameof(queries));
            var result = new double[qs.Length];
            for (int q = 0; q < qs.Length; q++)
            {
                double best = double.PositiveInfinity;
                foreach (float[] r in refs) best = Math.Min(best, SquaredDistance(qs[q], r));
                result[q] = Math.Sqrt(best);
            }
            return result;
        }

        /// <summary>
        /// Novelty: the median over <paramref name="generated"/> of the distance to the nearest <paramref name="training"/>
        /// sprite, divided by the same median for real <paramref name="heldOut"/> sprites (unseen by the model).
        /// 1 = as new as unseen real sprites; near 0 = copies of training sprites. NaN when the held-out median is 0.
        /// </summary>
        public static double Novelty(IReadOnlyList<byte[]> generated, IReadOnlyList<byte[]> training, IReadOnlyList<byte[]> heldOut)
        {
            double heldOutMedian = Median(NearestDistances(heldOut, training));
            return heldOutMedian > 0 ? Median(NearestDistances(generated, training)) / heldOutMedian : double.NaN;
        }

        /// <summary>The mean <see cref="Distance"/> over all unordered pairs of <paramref name="sprites"/> (0 for a single sprite).</summary>
        public static double MeanPairwiseDistance(IReadOnlyList<byte[]> sprites)
        {
            RequireSprites(sprites, nameof(sprites));
            float[][] features = Features(sprites, sprites[0].Length, nameof(sprites));
            double sum = 0;
            long pairs = 0;
            for (int i = 0; i < features.Length; i++)
            {
                for (int j = i + 1; j < features.Length; j++)
                {
                    sum += Math.Sqrt(SquaredDistance(features[i], features[j]));
                    pairs++;
                }
            }
            return pairs == 0 ? 0 : sum / pairs;
        }

        /// <summary>The median (mean of the two middle values for an even count).</summary>
        public static double Median(IReadOnlyList<double> values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            if (values.Count == 0) throw new ArgumentException("The median of no values is undefined; pass at least one.", nameof(values));
            var sorted = new double[values.Count];
            for (int i = 0; i < sorted.Length; i++) sorted[i] = values[i];
            Array.Sort(sorted);
            int mid = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
        }

        private static double Premultiplied(ReadOnlySpan<byte> rgba, int pixel, int channel) =>
            rgba[pixel + channel] * rgba[pixel + 3] / (255.0 * 255.0);

        private static double Feature(ReadOnlySpan<byte> rgba, int i) =>
            i % 4 == 3 ? rgba[i] / 255.0 : Premultiplied(rgba, i - i % 4, i % 4);

        private static float[][] Features(IReadOnlyList<byte[]> sprites, int length, string name)
        {
            var result = new float[sprites.Count][];
            for (int s = 0; s < result.Length; s++)
            {
                byte[] rgba = sprites[s];
                RequireRgba(rgba, name);
                if (rgba.Length != length) throw new ArgumentException($"All sprites must have the same size ({length} bytes); one has {rgba.Length}.", name);
                var f = new float[length];
                for (int i = 0; i < length; i++) f[i] = (float)Feature(rgba, i);
                result[s] = f;
            }
            return result;
        }

        private static double SquaredDistance(float[] a, float[] b)
        {
            int width = Vector<float>.Count;
            var acc = Vector<float>.Zero;
            int i = 0;
            for (; i + width <= a.Length; i += width)
            {
                var d = new Vector<float>(a, i) - new Vector<float>(b, i);
                acc += d * d;
            }
            double sum = Vector.Dot(acc, Vector<float>.One);
            for (; i < a.Length; i++)
            {
                double d = a[i] - b[i];
                sum += d * d;
            }
            return sum;
        }

        private static void RequireSprites(IReadOnlyList<byte[]> sprites, string name)
        {
            if (sprites == null) throw new ArgumentNullException(name);
            if (sprites.Count == 0) throw new ArgumentException("No sprites were given; pass at least one.", name);
        }

        private static void RequireRgba(byte[] rgba, string name)
        {
            if (rgba == null) throw new ArgumentNullException(name, "A sprite is null.");
            if (rgba.Length == 0 || rgba.Length % 4 != 0) throw new ArgumentException($"A sprite holds {rgba.Length} bytes, which is not RGBA32 (a positive multiple of 4).", name);
        }
    }
}
