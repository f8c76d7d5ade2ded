using System;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Generation;
using VaeProcgen.Generation.Tiles;

namespace VaeProcgen.Tests.Packaging
{
    [TestFixture]
    public sealed class EngineHelperTests
    {
        [Test]
        public void FlipRowsPutsTheBottomRowFirst()
        {
            // 2x3 image: every byte of row r is r.
            byte[] top = Enumerable.Range(0, 3).SelectMany(r => Enumerable.Repeat((byte)r, 8)).ToArray();
            byte[] flipped = UnityTextureLayout.FlipRowsForTexture(top, 2, 3);
            Assert.That(flipped, Is.EqualTo(Enumerable.Range(0, 3).SelectMany(r => Enumerable.Repeat((byte)(2 - r), 8)).ToArray()));
            Assert.That(UnityTextureLayout.FlipRowsForTexture(flipped, 2, 3), Is.EqualTo(top), "flipping twice is the identity");
        }

        [Test]
        public void FlipRowsKeepsPixelOrderWithinARow()
        {
            byte[] top = Enumerable.Range(0, 2 * 1 * 4).Select(i => (byte)i).ToArray();
            Assert.That(UnityTextureLayout.FlipRowsForTexture(top, 2, 1), Is.EqualTo(top));
        }

        [Test]
        public void FlipRowsRejectsWrongSizes()
        {
            Assert.Throws<ArgumentException>(() => UnityTextureLayout.FlipRowsForTexture(new byte[15], 2, 2, new byte[16]));
            Assert.Throws<ArgumentException>(() => UnityTextureLayout.FlipRowsForTexture(new byte[16], 2, 2, new byte[15]));
            Assert.Throws<ArgumentOutOfRangeException>(() => UnityTextureLayout.FlipRowsForTexture(new byte[0], 0, 2, new byte[0]));
        }

        [Test]
        public void CellOfMapsTopRowToTheHighestY()
        {
            // width 3, height 2: index 0 is the top-left cell, index 5 the bottom-right.
            Assert.That(TilemapCellMapping.CellOf(0, 3, 2), Is.EqualTo((0, 1)));
            Assert.That(TilemapCellMapping.CellOf(2, 3, 2), Is.EqualTo((2, 1)));
            Assert.That(TilemapCellMapping.CellOf(3, 3, 2), Is.EqualTo((0, 0)));
            Assert.That(TilemapCellMapping.CellOf(5, 3, 2), Is.EqualTo((2, 0)));
            for (int i = 0; i < 6; i++)
            {
                var (x, y) = TilemapCellMapping.CellOf(i, 3, 2);
                Assert.That(TilemapCellMapping.GridIndexOf(x, y, 3, 2), Is.EqualTo(i));
            }
            Assert.Throws<ArgumentOutOfRangeException>(() => TilemapCellMapping.CellOf(6, 3, 2));
            Assert.Throws<ArgumentOutOfRangeException>(() => TilemapCellMapping.GridIndexOf(3, 0, 3, 2));
        }

        [Test]
        public void MostLikelyTilesTakesTheArgmaxPerCellWithTiesToTheLowerIndex()
        {
            // 3 tile types, 1x2 grid, planar [channel][cell].
            float[] probabilities = { 0.1f, 0.5f, /* ch1 */ 0.7f, 0.5f, /* ch2 */ 0.2f, 0.0f };
            var grid = new int[2];
            TilemapCellMapping.MostLikelyTiles(probabilities, 3, 1, 2, grid);
            Assert.That(grid, Is.EqualTo(new[] { 1, 0 }));
            Assert.Throws<ArgumentException>(() => TilemapCellMapping.MostLikelyTiles(probabilities, 2, 1, 2, grid));
        }

        [Test]
        public void PerturbMovesTheMeanBySigmaTimesNoiseTimesStrength()
        {
            float[] mean = { 1f, -2f };
            float[] logVariance = { 0f, (float)Math.Log(4) };
            float[] noise = { 1f, 1f };
            var result = new float[2];
            LatentVariation.Perturb(mean, logVariance, noise, 0.5f, result);
            Assert.That(result[0], Is.EqualTo(1.5f).Within(1e-6));
            Assert.That(result[1], Is.EqualTo(-1f).Within(1e-6));
            LatentVariation.Perturb(mean, logVariance, noise, 0f, result);
            Assert.That(result, Is.EqualTo(mean));
            Assert.Throws<ArgumentOutOfRangeException>(() => LatentVariation.Perturb(mean, logVariance, noise, -1f, result));
            Assert.Throws<ArgumentException>(() => LatentVariation.Perturb(mean, logVariance, new float[1], 1f, result));
        }
    }
}
