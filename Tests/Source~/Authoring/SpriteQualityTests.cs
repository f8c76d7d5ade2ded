using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Authoring;

namespace VaeProcgen.Tests.Authoring
{
    /// <summary>The quality figures on images small enough to compute by hand.</summary>
    public class SpriteQualityTests
    {
        private const double Tolerance = 1e-9;

        private static byte[] Pixels(params (byte R, byte G, byte B, byte A)[] pixels) =>
            pixels.SelectMany(p => new[] { p.R, p.G, p.B, p.A }).ToArray();

        private static readonly (byte, byte, byte, byte) Red = (255, 0, 0, 255);
        private static readonly (byte, byte, byte, byte) Green = (0, 255, 0, 255);
        private static readonly (byte, byte, byte, byte) Blue = (0, 0, 255, 255);
        private static readonly (byte, byte, byte, byte) Clear = (0, 0, 0, 0);

        [Test]
        public void FragmentsAreSpritesSmallerThanEveryTrainingSprite()
        {
            (byte, byte, byte, byte) faint = (255, 0, 0, 127), half = (255, 0, 0, 128);
            var training = new List<byte[]> { Pixels(Red, Red, Clear, Clear), Pixels(Red, Green, Blue, Clear) };
            Assert.That(SpriteQuality.OpaquePixels(Pixels(faint, half, Red, Clear)), Is.EqualTo(2), "alpha 128 counts as opaque, 127 does not");
            var generated = new List<byte[]>
            {
                Pixels(Red, Clear, Clear, Clear),   // 1 opaque pixel: below the smallest training sprite's 2
                Pixels(faint, faint, faint, Clear), // faint pixels are not opaque
                Pixels(Blue, half, Clear, Clear),   // 2: as large as the smallest training sprite
                Pixels(Red, Red, Red, Red),
            };
            Assert.That(SpriteQuality.Fragments(generated, training), Is.EqualTo(2));
        }

        [Test]
        public void CoverageIsTheMeanOpaqueShareOfEachSprite()
        {
            (byte, byte, byte, byte) faint = (255, 0, 0, 127);
            var sprites = new List<byte[]> { Pixels(Red, Clear, Clear, Clear), Pixels(Red, Green, Blue, faint) };
            Assert.That(SpriteQuality.Coverage(sprites), Is.EqualTo((0.25 + 0.75) / 2).Within(Tolerance));
        }

        [Test]
        public void ColourfulnessOfRedGreenBlueIsTheSpreadOfTheOpponentChannels()
        {
            // rg = 1, -1, 0 and yb = 0.5, 0.5, -1: means 0, variances 2/3 and 1/2 -> M = sqrt(7/6).
            // The fourth pixel is white but transparent and must not count.
            byte[] sprite = Pixels(Red, Green, Blue, (255, 255, 255, 0));
            Assert.That(SpriteQuality.Colourfulness(new[] { sprite }), Is.EqualTo(Math.Sqrt(7.0 / 6.0)).Within(Tolerance));
        }

        [Test]
        public void HueHistogramCountsColouredOpaquePixelsPerThirtyDegreeSector()
        {
            // Red (0 degrees), green (120), blue (240) and orange (255, 128, 0: 30.1 degrees); grey, a pale pixel (chroma
            // 30/255 < 0.15) and a transparent red do not count.
            byte[] sprite = Pixels(Red, Green, Blue, Blue, (255, 128, 0, 255), (128, 128, 128, 255), (200, 215, 230, 255), (255, 0, 0, 100));
            double[] histogram = SpriteQuality.HueHistogram(new[] { sprite });
            Assert.That(histogram.Length, Is.EqualTo(SpriteQuality.HueSectors));
            var expected = new double[12];
            expected[0] = 0.2;
            expected[1] = 0.2;
            expected[4] = 0.2;
            expected[8] = 0.4;
            Assert.That(histogram, Is.EqualTo(expected).Within(Tolerance));
            Assert.That(SpriteQuality.HueSectorNames[4], Is.EqualTo("green"));
            Assert.That(SpriteQuality.HueHistogram(new[] { Pixels(Clear, (50, 50, 50, 255)) }), Is.All.EqualTo(0), "no coloured pixel");
        }

        [Test]
        public void HueOverlapIsTheSharedMassOfTwoHistograms()
        {
            double[] redBlue = SpriteQuality.HueHistogram(new[] { Pixels(Red, Blue) });
            double[] redGreen = SpriteQuality.HueHistogram(new[] { Pixels(Red, Green, Green, Green) });
            Assert.That(SpriteQuality.HueOverlap(redBlue, redBlue), Is.EqualTo(1).Within(Tolerance));
            Assert.That(SpriteQuality.HueOverlap(redBlue, redGreen), Is.EqualTo(0.25).Within(Tolerance), "only red is shared: min(0.5, 0.25)");
            Assert.That(SpriteQuality.HueOverlap(SpriteQuality.HueHistogram(new[] { Pixels(Blue) }), SpriteQuality.HueHistogram(new[] { Pixels(Green) })), Is.EqualTo(0));
            Assert.Throws<ArgumentException>(() => SpriteQuality.HueOverlap(new double[12], new double[6]));
        }

        [Test]
        public void ColourfulnessOfOneFlatColourIsItsMeanTerm()
        {
            // Only red: sd = 0, mean rg = 1, mean yb = 0.5 -> 0.3 * sqrt(1.25).
            byte[] sprite = Pixels(Red, Red, Clear, Clear);
            Assert.That(SpriteQuality.Colourfulness(new[] { sprite }), Is.EqualTo(0.3 * Math.Sqrt(1.25)).Within(Tolerance));
            Assert.That(SpriteQuality.Colourfulness(new[] { Pixels((90, 90, 90, 255), (200, 200, 200, 255)) }), Is.EqualTo(0).Within(Tolerance), "grey has no colour");
            Assert.That(SpriteQuality.Colourfulness(new[] { Pixels(Clear, Clear) }), Is.EqualTo(0), "no opaque pixel");
        }

        [Test]
        public void ColourfulnessCountsAlphaAboveOneHalfAndPoolsSprites()
        {
            // Alpha 127 (< 0.5) is left out, 128 (> 0.5) counts.
            Assert.That(SpriteQuality.Colourfulness(new[] { Pixels(Red, (0, 0, 255, 127)) }), Is.EqualTo(0.3 * Math.Sqrt(1.25)).Within(Tolerance));
            Assert.That(SpriteQuality.Colourfulness(new[] { Pixels(Red, Green, Blue, (0, 0, 0, 127)) }),
                Is.EqualTo(SpriteQuality.Colourfulness(new[] { Pixels(Red, Green, (0, 0, 255, 128)) })).Within(Tolerance));
            // Pooled: a red sprite and a green sprite together are as colourful as one red-and-green sprite (sqrt(1 + 0) + 0.3 * 0.5).
            double pooled = SpriteQuality.Colourfulness(new[] { Pixels(Red), Pixels(Green) });
            Assert.That(pooled, Is.EqualTo(1.0 + 0.3 * 0.5).Within(Tolerance));
            Assert.That(pooled, Is.EqualTo(SpriteQuality.Colourfulness(new[] { Pixels(Red, Green) })).Within(Tolerance));
        }

        [Test]
        public void SharpnessOfOneWhitePixelInATwoByTwoSprite()
        {
            // Premultiplied RGB: top-left (1,1,1), the rest 0. Horizontal pairs: rows 0 and 1 give 3 and 0 channel
            // differences of 1 over 6 channel pairs -> 0.5; vertical likewise 0.5.
            byte[] sprite = Pixels((255, 255, 255, 255), Clear, Clear, Clear);
            Assert.That(SpriteQuality.Sharpness(sprite, 2, 2), Is.EqualTo(1.0).Within(Tolerance));
            // The stored colour of a transparent pixel is invisible and does not count.
            byte[] hiddenColour = Pixels((255, 255, 255, 255), (255, 0, 0, 0), (0, 255, 0, 0), (9, 9, 9, 0));
            Assert.That(SpriteQuality.Sharpness(hiddenColour, 2, 2), Is.EqualTo(1.0).Within(Tolerance));
            // Alpha 51 (0.2) premultiplies white to 0.2.
            Assert.That(SpriteQuality.Sharpness(Pixels((255, 255, 255, 51), Clear, Clear, Clear), 2, 2), Is.EqualTo(0.2).Within(Tolerance));
            Assert.That(SpriteQuality.Sharpness(Pixels(Red, Red, Red, Red), 2, 2), Is.EqualTo(0).Within(Tolerance), "flat");
        }

        [Test]
        public void SharpnessOfARowHasNoVerticalTermAndAveragesOverSprites()
        {
            // Red 0 -> 1 -> 0 along one row: channel differences |1| twice in R, 0 in G and B, over 2 pairs x 3 channels.
            byte[] row = Pixels(Clear, Red, Clear);
            Assert.That(SpriteQuality.Sharpness(row, 3, 1), Is.EqualTo(2.0 / 6.0).Within(Tolerance));
            byte[] flat = Pixels(Red, Red, Red);
            Assert.That(SpriteQuality.Sharpness(new List<byte[]> { row, flat }, 3, 1), Is.EqualTo(1.0 / 6.0).Within(Tolerance));
            Assert.Throws<ArgumentException>(() => SpriteQuality.Sharpness(row, 2, 2));
        }

        [Test]
        public void DistanceUsesPremultipliedColourAndAlpha()
        {
            Assert.That(SpriteQuality.Distance(Pixels(Red), Pixels(Clear)), Is.EqualTo(Math.Sqrt(2)).Within(Tolerance), "R and A differ by 1");
            Assert.That(SpriteQuality.Distance(Pixels((255, 255, 255, 0)), Pixels(Clear)), Is.EqualTo(0), "invisible colour");
            Assert.That(SpriteQuality.Distance(Pixels(Red, Blue), Pixels(Red, Blue)), Is.EqualTo(0));
            Assert.That(SpriteQuality.Distance(Pixels(Red, Blue), Pixels(Green, Blue)), Is.EqualTo(Math.Sqrt(2)).Within(Tolerance));
        }

        [Test]
        public void NearestDistancesPickTheClosestReferenceAndAgreeWithDistance()
        {
            var random = new Random(4);
            var references = Enumerable.Range(0, 7).Select(_ => RandomSprite(random, 16)).ToList();
            var queries = Enumerable.Range(0, 5).Select(_ => RandomSprite(random, 16)).ToList();
            double[] nearest = SpriteQuality.NearestDistances(queries, references);
            for (int q = 0; q < queries.Count; q++)
            {
                double expected = references.Min(r => SpriteQuality.Distance(queries[q], r));
                Assert.That(nearest[q], Is.EqualTo(expected).Within(1e-5 * expected));
            }
            Assert.That(SpriteQuality.NearestDistances(new[] { references[3] }, references)[0], Is.EqualTo(0), "a copy is at distance 0");
        }

        [Test]
        public void NoveltyOfCopiesIsZeroAndOfHeldOutSpritesIsOne()
        {
            var random = new Random(9);
            var training = Enumerable.Range(0, 10).Select(_ => RandomSprite(random, 16)).ToList();
            var heldOut = Enumerable.Range(0, 5).Select(_ => RandomSprite(random, 16)).ToList();
            Assert.That(SpriteQuality.Novelty(training.Take(6).ToList(), training, heldOut), Is.EqualTo(0));
            Assert.That(SpriteQuality.Novelty(heldOut, training, heldOut), Is.EqualTo(1).Within(Tolerance));
            Assert.That(SpriteQuality.Novelty(heldOut, training, training), Is.NaN, "held-out copies of training sprites leave no scale");
        }

        [Test]
        public void MeanPairwiseDistanceAndMedian()
        {
            // Distances: red-clear sqrt2, red-blue sqrt2, clear-blue sqrt2.
            Assert.That(SpriteQuality.MeanPairwiseDistance(new[] { Pixels(Red), Pixels(Clear), Pixels(Blue) }), Is.EqualTo(Math.Sqrt(2)).Within(1e-6));
            Assert.That(SpriteQuality.MeanPairwiseDistance(new[] { Pixels(Red) }), Is.EqualTo(0));
            Assert.That(SpriteQuality.Median(new[] { 3.0, 1.0, 2.0 }), Is.EqualTo(2.0));
            Assert.That(SpriteQuality.Median(new[] { 4.0, 1.0, 2.0, 3.0 }), Is.EqualTo(2.5));
            Assert.Throws<ArgumentException>(() => SpriteQuality.Median(Array.Empty<double>()));
            Assert.Throws<ArgumentException>(() => SpriteQuality.Colourfulness(new List<byte[]>()));
            Assert.Throws<ArgumentException>(() => SpriteQuality.NearestDistances(new[] { Pixels(Red) }, new[] { Pixels(Red, Red) }));
        }

        private static byte[] RandomSprite(Random random, int pixels)
        {
            var rgba = new byte[pixels * 4];
            random.NextBytes(rgba);
            return rgba;
        }
    }
}
