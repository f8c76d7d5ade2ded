using System;
using NUnit.Framework;
using VaeProcgen.Generation;

namespace VaeProcgen.Tests.Generation
{
    /// <summary>The channel palette of palette sprite models: argmax decoding and nearest-colour one-hot encoding.</summary>
    public class SpritePaletteTests
    {
        // transparent, red, green, blue, white
        private static readonly uint[] Colours = { 0x00000000, 0xFF0000FF, 0x00FF00FF, 0x0000FFFF, 0xFFFFFFFF };

        [Test]
        public void DecodingTakesTheMostLikelyColourPerPixelAndTiesGoToTheLowestIndex()
        {
            var palette = new SpritePalette(Colours);
            // 3 pixels, planes [5, 3]: pixel 0 -> blue, pixel 1 -> transparent, pixel 2 -> tie between red and white -> red.
            float[] planes =
            {
                0.1f, 0.6f, 0.0f,
                0.1f, 0.1f, 0.4f,
                0.1f, 0.1f, 0.1f,
                0.6f, 0.1f, 0.1f,
                0.1f, 0.1f, 0.4f,
            };
            var rgba = new byte[12];
            palette.ProbabilitiesToRgba(planes, rgba);
            Assert.That(rgba, Is.EqualTo(new byte[] { 0, 0, 255, 255, 0, 0, 0, 0, 255, 0, 0, 255 }));
        }

        [Test]
        public void EncodingIsOneHotOnTheExactOrNearestColourAndLowAlphaIsTransparent()
        {
            var palette = new SpritePalette(Colours);
            byte[] rgba =
            {
                0, 255, 0, 255,     // exact green
                250, 10, 20, 255,   // near red
                255, 255, 255, 127, // alpha below 128: transparent
                240, 240, 250, 128, // near white, opaque enough
            };
            var planes = new float[5 * 4];
            palette.RgbaToOneHot(rgba, planes);
            int[] expected = { 2, 1, 0, 4 };
            for (int p = 0; p < 4; p++)
            {
                for (int c = 0; c < 5; c++)
                {
                    Assert.That(planes[c * 4 + p], Is.EqualTo(c == expected[p] ? 1f : 0f), $"pixel {p}, channel {c}");
                }
            }
        }

        [Test]
        public void DecodedSpritesEncodeBackToTheSameEntries()
        {
            var palette = new SpritePalette(Colours);
            var random = new DeterministicRandom(5);
            var planes = new float[5 * 64];
            for (int i = 0; i < planes.Length; i++) planes[i] = (float)random.NextDouble();
            var rgba = new byte[64 * 4];
            palette.ProbabilitiesToRgba(planes, rgba);
            var oneHot = new float[planes.Length];
            palette.RgbaToOneHot(rgba, oneHot);
            var again = new byte[rgba.Length];
            palette.ProbabilitiesToRgba(oneHot, again);
            Assert.That(again, Is.EqualTo(rgba));
        }

        [Test]
        public void FewerThanTwoColoursAreRefused()
        {
            Assert.Throws<ArgumentException>(() => new SpritePalette(new uint[] { 0 }));
        }
    }
}
