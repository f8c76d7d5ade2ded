using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Generation.Playability;
using VaeProcgen.Generation.Tiles;
using VaeProcgen.Trainer.Data.Levels;

namespace VaeProcgen.Tests.Playability
{
    /// <summary>Checked generation with fake decoders that return training windows of each embedded game.</summary>
    public class PlayableGenerationTests
    {
        private const int LatentSize = 2;

        /// <summary>A decoder whose latent's first coordinate picks one of <paramref name="windows"/>: 0.9 on its tile, the rest spread evenly.</summary>
        private static Func<float[], float[]> FakeDecoder(IReadOnlyList<TileGrid> windows, int tiles) =>
            FakeDecoder(windows, tiles, (tile, t) => t == tile ? 0.9f : 0.1f / (tiles - 1));

        /// <summary>As <see cref="FakeDecoder(IReadOnlyList{TileGrid}, int)"/>, with p(t | cell) = <paramref name="probability"/>(the window's tile at the cell, t).</summary>
        internal static Func<float[], float[]> FakeDecoder(IReadOnlyList<TileGrid> windows, int tiles, Func<int, int, float> probability)
        {
            int plane = windows[0].Height * windows[0].Width, size = tiles * plane;
            return latents =>
            {
                int batch = latents.Length / LatentSize;
                var result = new float[batch * size];
                for (int b = 0; b < batch; b++)
                {
                    double u = 1 / (1 + Math.Exp(-1.7 * latents[b * LatentSize]));
                    TileGrid window = windows[Math.Min(windows.Count - 1, (int)(u * windows.Count))];
                    for (int cell = 0; cell < plane; cell++)
                        for (int t = 0; t < tiles; t++)
                            result[b * size + t * plane + cell] = probability(window.Cells[cell], t);
                }
                return result;
            };
        }

        /// <summary>As <see cref="FakeDecoder"/>, writing every batch into one reused buffer (allowed by <see cref="LevelGenerator.Generate"/>).</summary>
        private static Func<float[], float[]> BufferedFakeDecoder(IReadOnlyList<TileGrid> windows, int tiles)
        {
            int plane = windows[0].Height * windows[0].Width, size = tiles * plane;
            float[] result = Array.Empty<float>();
            return latents =>
            {
                int batch = latents.Length / LatentSize;
                if (result.Length != batch * size) result = new float[batch * size];
                for (int b = 0; b < batch; b++)
                {
                    double u = 1 / (1 + Math.Exp(-1.7 * latents[b * LatentSize]));
                    TileGrid window = windows[Math.Min(windows.Count - 1, (int)(u * windows.Count))];
                    ReadOnlySpan<int> cells = window.Cells;
                    for (int cell = 0; cell < plane; cell++)
                        for (int t = 0; t < tiles; t++)
                            result[b * size + t * plane + cell] = t == cells[cell] ? 0.9f : 0.1f / (tiles - 1);
                }
                return result;
            };
        }

        [Test]
        public void ADecoderReusingItsBufferGivesTheSameLevel_AndACheckedRepairedLevelAllocatesLittle()
        {
            TileLevelDataset mario = TileLevelDataset.LoadEmbedded(new TileWindowOptions { Stride = 4 });
            var options = new LevelGenerationOptions
            {
                Playability = Checker(mario, MovementProfile.SideScrolling()),
                RepairPatterns = new TilePatternSet(mario.Levels, 2),
            };
            Func<float[], float[]> buffered = BufferedFakeDecoder(mario.Windows, mario.TileCount);
            LevelGenerationResult expected = LevelGenerator.GenerateDetailed(FakeDecoder(mario.Windows, mario.TileCount), LatentSize, mario.TileCount, 14, 28, 3, 9, options);
            LevelGenerationResult warmUp = LevelGenerator.GenerateDetailed(buffered, LatentSize, mario.TileCount, 14, 28, 3, 9, options);
            long before = GC.GetAllocatedBytesForCurrentThread();
            LevelGenerationResult actual = LevelGenerator.GenerateDetailed(buffered, LatentSize, mario.TileCount, 14, 28, 3, 9, options);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            TestContext.Out.WriteLine($"{allocated} bytes allocated, {actual.DecodeBatches} decoder batches, repair changed {actual.Repair?.ChangedCells} cells");
            Assert.That(warmUp.Grid, Is.EqualTo(expected.Grid));
            Assert.That(actual.Grid, Is.EqualTo(expected.Grid));
            Assert.That(actual.IsPlayable, Is.True);
            // The result's probabilities alone are 13 x 14 x 220 floats (160 KB); the candidate buffers of 9 segments
            // (1.5 MB) are reused from the warm-up, and the repair no longer allocates per candidate column (17 MB before).
            Assert.That(allocated, Is.LessThan(1024 * 1024), $"{allocated} bytes for {actual.DecodeBatches} decoder batches");
        }

        private static PlayabilityChecker Checker(TileLevelDataset data, MovementProfile profile) => new PlayabilityChecker(TileRoles.FromLegend(data.Legend), profile);

        [Test]
        public void CheckedMarioLevelsArePlayableWhereUncheckedOnesOftenAreNot()
        {
            TileLevelDataset mario = TileLevelDataset.LoadEmbedded(new TileWindowOptions { Stride = 4 });
            Func<float[], float[]> decode = FakeDecoder(mario.Windows, mario.TileCount);
            PlayabilityChecker checker = Checker(mario, MovementProfile.SideScrolling());
            int uncheckedPlayable = 0;
            for (long seed = 0; seed < 10; seed++)
            {
                var options = new LevelGenerationOptions { Playability = checker };
                LevelGenerationResult result = LevelGenerator.GenerateDetailed(decode, LatentSize, mario.TileCount, 14, 28, seed, 9, options);
                Assert.That(result.IsPlayable, Is.True, $"seed {seed}: {result.Playability!.Reason}");
                Assert.That(checker.Check(result.Grid).Playable, Is.True, "an independent re-check agrees");
                Assert.That(result.Grid.Width, Is.EqualTo(28 + 8 * 24));
                TileGrid plain = LevelGenerator.Generate(decode, LatentSize, mario.TileCount, 14, 28, seed, 9, new LevelGenerationOptions());
                if (checker.Check(plain).Playable) uncheckedPlayable++;
            }
            TestContext.Out.WriteLine($"unchecked generation: {uncheckedPlayable} of 10 playable");
            Assert.That(uncheckedPlayable, Is.LessThan(10));
        }

        [Test]
        public void ALevelThatCannotBeMadePlayableIsReportedNotReturned()
        {
            TileLevelDataset mario = TileLevelDataset.LoadEmbedded(new TileWindowOptions { Stride = 4 });
            var emptyWindows = new[] { new TileGrid(14, 28, Enumerable.Repeat(mario.Legend.First(e => e.Character == '-').Index, 14 * 28).ToArray()) };
            var options = new LevelGenerationOptions { Playability = Checker(mario, MovementProfile.SideScrolling()), MaxDecodeBatches = 6 };
            Func<float[], float[]> decode = FakeDecoder(emptyWindows, mario.TileCount);
            LevelGenerationResult result = LevelGenerator.GenerateDetailed(decode, LatentSize, mario.TileCount, 14, 28, 1, 3, options);
            Assert.That(result.IsPlayable, Is.False);
            Assert.That(result.DecodeBatches, Is.LessThanOrEqualTo(6 + 3));
            var error = Assert.Throws<LevelGenerationException>(() => LevelGenerator.Generate(decode, LatentSize, mario.TileCount, 14, 28, 1, 3, options));
            Assert.That(error!.Message, Does.Contain("no cell to start on"));
        }

        [Test]
        public void VerticalLevelsAreStitchedBottomToTopAndPlayable()
        {
            TileLevelDataset icarus = TileLevelDataset.LoadEmbedded(new TileWindowOptions { Layout = LevelLayout.Vertical, WindowHeight = 16, Stride = 2 }, "vglc-kid-icarus");
            Assert.That((icarus.WindowHeight, icarus.WindowWidth), Is.EqualTo((16, 16)));
            PlayabilityChecker checker = Checker(icarus, MovementProfile.Vertical());
            var options = new LevelGenerationOptions { Layout = LevelLayout.Vertical, Playability = checker };
            Func<float[], float[]> decode = FakeDecoder(icarus.Windows, icarus.TileCount);
            for (long seed = 0; seed < 5; seed++)
            {
                LevelGenerationResult result = LevelGenerator.GenerateDetailed(decode, LatentSize, icarus.TileCount, 16, 16, seed, 10, options);
                Assert.That((result.Grid.Height, result.Grid.Width), Is.EqualTo((16 + 9 * 12, 16)));
                Assert.That(result.IsPlayable, Is.True, $"seed {seed}: {result.Playability!.Reason}");
                Assert.That(result.Probabilities, Has.Length.EqualTo(icarus.TileCount * result.Grid.Height * 16));
            }
            // The bottom window is the first segment: with one segment the level is exactly a training window, upright.
            LevelGenerationResult one = LevelGenerator.GenerateDetailed(decode, LatentSize, icarus.TileCount, 16, 16, 3, 1, new LevelGenerationOptions { Layout = LevelLayout.Vertical });
            Assert.That(icarus.Windows, Does.Contain(one.Grid));
        }

        [Test]
        public void RoomsHaveExactlyOneStartAndEveryPickupReachable()
        {
            TileLevelDataset rooms = TileLevelDataset.LoadEmbedded(new TileWindowOptions { Layout = LevelLayout.Room }, "vglc-lode-runner");
            Assert.That(rooms.Windows.Count, Is.EqualTo(150));
            PlayabilityChecker checker = Checker(rooms, MovementProfile.LadderAndRope());
            int spawn = rooms.Legend.First(e => e.Character == 'M').Index;
            var options = new LevelGenerationOptions { Layout = LevelLayout.Room, Playability = checker, Temperature = 0.3 };
            Func<float[], float[]> decode = FakeDecoder(rooms.Windows, rooms.TileCount);
            for (long seed = 0; seed < 8; seed++)
            {
                LevelGenerationResult result = LevelGenerator.GenerateDetailed(decode, LatentSize, rooms.TileCount, 22, 32, seed, 1, options);
                Assert.That((result.Grid.Height, result.Grid.Width), Is.EqualTo((22, 32)));
                Assert.That(result.Grid.Cells.ToArray().Count(t => t == spawn), Is.EqualTo(1), $"seed {seed}");
                Assert.That(result.IsPlayable, Is.True, $"seed {seed}: {result.Playability!.Reason}");
                Assert.That(result.Playability!.PickupsTotal, Is.GreaterThan(0));
            }
        }
    }
}
