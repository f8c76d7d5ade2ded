using System;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Generation;
using VaeProcgen.Generation.Tiles;
using VaeProcgen.Trainer.Data.Levels;

namespace VaeProcgen.Tests.Levels
{
    [TestFixture]
    public class TileGridTests
    {
        [Test]
        public void EveryEmbeddedLevel_RoundTripsThroughVglcText()
        {
            var texts = EmbeddedLevels.ReadLevels();
            var legend = LevelTestData.Mario.Legend;
            Assert.That(texts, Has.Count.EqualTo(15));
            foreach (var (name, text) in texts)
            {
                TileGrid grid = TileGrid.FromVglcText(text, legend);
                Assert.That(grid.Height, Is.EqualTo(14), name);
                Assert.That(grid.Width, Is.InRange(149, 373), name);
                string expected = text.Replace("\r\n", "\n").TrimEnd('\n');
                Assert.That(grid.ToVglcText(legend), Is.EqualTo(expected), name);
                Assert.That(TileGrid.FromVglcText(grid.ToVglcText(legend), legend), Is.EqualTo(grid), name);
            }
        }

        [Test]
        public void Indexer_IsRowMajorTopRowFirst()
        {
            TileGrid grid = TileGrid.FromVglcText("-X\nEE\n", LevelTestData.SmallLegend);
            Assert.That(grid.Height, Is.EqualTo(2));
            Assert.That(grid.Width, Is.EqualTo(2));
            Assert.That(grid[0, 1], Is.EqualTo(2));
            Assert.That(grid[1, 0], Is.EqualTo(1));
            Assert.That(grid.ToArray(), Is.EqualTo(new[] { 0, 2, 1, 1 }));
        }

        [Test]
        public void UnknownCharacter_NamesLineAndColumn()
        {
            var e = Assert.Throws<TileGridFormatException>(() => TileGrid.FromVglcText("---\n-Z-", LevelTestData.SmallLegend))!;
            Assert.That(e.Line, Is.EqualTo(2));
            Assert.That(e.Column, Is.EqualTo(2));
            Assert.That(e.Message, Does.Contain("'Z'"));
        }

        [Test]
        public void SliceThenConcatenate_RebuildsTheLevel()
        {
            TileGrid level = LevelTestData.Mario.Levels[0];
            TileGrid left = level.Slice(0, 50), right = level.Slice(50, level.Width - 50);
            Assert.That(left.Width, Is.EqualTo(50));
            Assert.That(left[13, 49], Is.EqualTo(level[13, 49]));
            Assert.That(TileGrid.Concatenate(new[] { left, right }), Is.EqualTo(level));
            Assert.Throws<ArgumentOutOfRangeException>(() => level.Slice(level.Width - 5, 10));
        }

        [Test]
        public void Argmax_PicksTheMostLikelyTilePerCell()
        {
            // T=2, H=1, W=3: planar [t][c].
            float[] p = { 0.9f, 0.2f, 0.5f, 0.1f, 0.8f, 0.5f };
            TileGrid grid = TileDecoding.Argmax(p, 2, 1, 3);
            Assert.That(grid.ToArray(), Is.EqualTo(new[] { 0, 1, 0 }));
        }

        [Test]
        public void Sample_NearZeroTemperatureEqualsArgmax_AndTemperatureOneFollowsProbabilities()
        {
            TileGrid noise = LevelTestData.RandomGrid(4, 50, 3, 5);
            var p = new float[3 * 4 * 50];
            var random = new DeterministicRandom(9);
            for (int i = 0; i < p.Length; i++) p[i] = (float)(0.05 + random.NextDouble());
            TileGrid argmax = TileDecoding.Argmax(p, 3, 4, 50);
            Assert.That(TileDecoding.Sample(p, 3, 4, 50, 0, new DeterministicRandom(1)), Is.EqualTo(argmax));
            Assert.That(TileDecoding.Sample(p, 3, 4, 50, 1e-4, new DeterministicRandom(1)), Is.EqualTo(argmax));

            // One cell with p = (0.2, 0.8): at temperature 1 about 80 % of 4000 draws are tile 1 (±3 %).
            float[] cell = { 0.2f, 0.8f };
            var draws = new DeterministicRandom(3);
            int ones = Enumerable.Range(0, 4000).Count(_ => TileDecoding.Sample(cell, 2, 1, 1, 1.0, draws)[0, 0] == 1);
            Assert.That(ones / 4000.0, Is.EqualTo(0.8).Within(0.03));
            Assert.That(noise.CountDifferences(noise), Is.EqualTo(0));
        }
    }
}
