using System;
using System.Linq;
using System.Diagnostics;
using NUnit.Framework;
using VaeProcgen.Generation;
using VaeProcgen.Generation.Tiles;

namespace VaeProcgen.Tests.Levels
{
    [TestFixture]
    public class LevelRepairTests
    {
        private TilePatternSet _seen = null!;

        [OneTimeSetUp]
        public void Patterns() => _seen = new TilePatternSet(LevelTestData.Mario.Levels, 2);

        [TestCase(1L)]
        [TestCase(2L)]
        [TestCase(3L)]
        public void NoiseGrid_IsRepairedToZeroUnseenPatterns(long seed)
        {
            TileGrid noise = LevelTestData.RandomGrid(14, 200, 13, seed);
            Assert.That(_seen.CountUnseen(noise), Is.GreaterThan(1000));
            LevelRepair.Repair(noise, _seen); // warm-up (JIT)
            var watch = Stopwatch.StartNew();
            LevelRepairResult result = LevelRepair.Repair(noise, _seen);
            watch.Stop();
            TestContext.Out.WriteLine($"seed {seed}: {result.UnseenBefore} unseen -> {result.UnseenAfter}, {result.ChangedCells} of 2800 cells changed, {watch.Elapsed.TotalMilliseconds:F0} ms");
            Assert.That(result.Succeeded, Is.True);
            Assert.That(_seen.CountUnseen(result.Grid), Is.EqualTo(0));
            Assert.That(result.ChangedCells, Is.GreaterThan(0).And.LessThan(14 * 200));
            Assert.That(result.ChangedCells, Is.EqualTo(noise.CountDifferences(result.Grid)));
            Assert.That(watch.Elapsed.TotalMilliseconds, Is.LessThan(1000));
        }

        [Test]
        public void ValidLevel_IsLeftUnchanged()
        {
            foreach (TileGrid level in LevelTestData.Mario.Levels)
            {
                LevelRepairResult result = LevelRepair.Repair(level, _seen);
                Assert.That(result.ChangedCells, Is.EqualTo(0));
                Assert.That(result.Grid, Is.EqualTo(level));
            }
        }

        [Test]
        public void FewCorruptedCells_AreFixedWithFewChanges_AndProbabilitiesChooseTheOriginal()
        {
            TileGrid level = LevelTestData.Mario.Levels[0].Slice(0, 60);
            int[] cells = level.ToArray();
            var random = new DeterministicRandom(4);
            for (int i = 0; i < 5; i++) cells[random.NextInt(cells.Length)] = 8; // scatter a rare tile
            var corrupted = new TileGrid(14, 60, cells);
            int corruptedCells = corrupted.CountDifferences(level);

            LevelRepairResult plain = LevelRepair.Repair(corrupted, _seen);
            Assert.That(plain.Succeeded, Is.True);
            Assert.That(plain.ChangedCells, Is.LessThanOrEqualTo(corruptedCells * 3));

            // Probabilities that favour the original level should restore it exactly.
            var p = new float[13 * 14 * 60];
            for (int cell = 0; cell < 14 * 60; cell++)
                for (int t = 0; t < 13; t++) p[t * 14 * 60 + cell] = t == level.Cells[cell] ? 0.9f : 0.1f / 12;
            LevelRepairResult guided = LevelRepair.Repair(corrupted, _seen, p);
            Assert.That(guided.Succeeded, Is.True);
            Assert.That(guided.Grid.CountDifferences(level), Is.LessThanOrEqualTo(plain.Grid.CountDifferences(level)));
        }

        [Test]
        public void TwoDistantProblemSpots_AreRepairedLocally_TheColumnsAwayFromThemAreUntouched()
        {
            TileGrid level = LevelTestData.Mario.Levels[0].Slice(0, 200);
            int pipe = LevelTestData.Mario.Legend.First(e => e.Character == '<').Index;
            int[] cells = level.ToArray();
            cells[5 * 200 + 30] = pipe; // a lone pipe top in the sky, twice
            cells[4 * 200 + 150] = pipe;
            var corrupted = new TileGrid(14, 200, cells);
            Assert.That(_seen.CountUnseen(corrupted), Is.GreaterThan(0));
            LevelRepairResult result = LevelRepair.Repair(corrupted, _seen);
            Assert.That(result.Succeeded, Is.True);
            Assert.That(_seen.CountUnseen(result.Grid), Is.EqualTo(0));
            for (int c = 0; c < 200; c++)
            {
                if (Math.Abs(c - 30) <= LevelRepair.LocalMargin + 1 || Math.Abs(c - 150) <= LevelRepair.LocalMargin + 1) continue;
                for (int r = 0; r < 14; r++) Assert.That(result.Grid[r, c], Is.EqualTo(corrupted[r, c]), $"cell ({r}, {c}) is far from both spots");
            }
            Assert.That(result.ChangedCells, Is.InRange(2, 6));
        }

        [Test]
        public void Repair_IsDeterministic()
        {
            TileGrid noise = LevelTestData.RandomGrid(14, 80, 13, 21);
            Assert.That(LevelRepair.Repair(noise, _seen).Grid, Is.EqualTo(LevelRepair.Repair(noise, _seen).Grid));
        }

        [Test]
        public void Repair_AfterWarmUp_AllocatesLittleMoreThanItsResult()
        {
            TileGrid noise = LevelTestData.RandomGrid(14, 200, 13, 5);
            var p = new float[13 * 14 * 200];
            for (int i = 0; i < p.Length; i++) p[i] = (i * 7919 % 1000 + 1) / 1000f;
            LevelRepair.Repair(noise, _seen, p);
            long before = System.GC.GetAllocatedBytesForCurrentThread();
            LevelRepairResult result = LevelRepair.Repair(noise, _seen, p);
            long allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.That(result.Succeeded, Is.True);
            // The result grid is 14 * 200 * 4 = 11,200 bytes, Array.Sort's comparison delegates about 128 bytes per
            // column; the search used to allocate megabytes (a state object, array and string per candidate column).
            Assert.That(allocated, Is.LessThan(64 * 1024), $"{allocated} bytes");
        }

        [Test]
        public void CountUnseen_MatchesWindowByWindowMembership_IncludingTilesOutsideTheSet()
        {
            int[] cells = LevelTestData.RandomGrid(14, 40, 13, 9).ToArray();
            cells[3 * 40 + 7] = 40; // a tile index no Mario level uses
            var grid = new TileGrid(14, 40, cells);
            int expected = 0;
            for (int r = 0; r + 1 < 14; r++)
                for (int c = 0; c + 1 < 40; c++)
                    if (!_seen.Contains(new[] { grid[r, c], grid[r, c + 1], grid[r + 1, c], grid[r + 1, c + 1] })) expected++;
            Assert.That(_seen.CountUnseen(grid), Is.EqualTo(expected));
            Assert.That(expected, Is.GreaterThan(0).And.LessThan(13 * 39));
        }
    }
}
