using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Generation.Playability;
using VaeProcgen.Generation.Tiles;
using VaeProcgen.Trainer.Data.Levels;

namespace VaeProcgen.Tests.Playability
{
    /// <summary>Object tiles (gold, enemies) that most-likely-tile decoding loses are placed by the training levels' counts.</summary>
    public class ObjectPlacementTests
    {
        private const int LatentSize = 2;

        /// <summary>
        /// A decoder that returns a training room with its structure at p = 0.9 but every gold and enemy cell only at
        /// p = 0.35 for the object (0.55 for the empty tile): the most likely tile of those cells is empty, as with a real decoder.
        /// </summary>
        private static Func<float[], float[]> ThinObjectDecoder(IReadOnlyList<TileGrid> rooms, int tiles, ISet<int> objects, int empty) =>
            PlayableGenerationTests.FakeDecoder(rooms, tiles, (tile, t) => objects.Contains(tile)
                ? (t == tile ? 0.35f : t == empty ? 0.55f : 0.1f / (tiles - 2))
                : (t == tile ? 0.9f : 0.1f / (tiles - 1)));

        [Test]
        public void LodeRunnerRoomsGetTheOriginalsGoldCountWhereArgmaxLosesIt_AllPlayableWithOneStart()
        {
            TileLevelDataset rooms = TileLevelDataset.LoadEmbedded(new TileWindowOptions { Layout = LevelLayout.Room }, "vglc-lode-runner");
            var roles = TileRoles.FromLegend(rooms.Legend);
            int gold = rooms.Legend.First(e => e.Character == 'G').Index, enemy = rooms.Legend.First(e => e.Character == 'E').Index;
            int spawn = rooms.Legend.First(e => e.Character == 'M').Index;
            Assert.That(roles.ObjectTiles, Is.EquivalentTo(new[] { gold, enemy }), "gold (pickupable) and enemies are objects; ladders, ropes and the start are not");
            var checker = new PlayabilityChecker(roles, MovementProfile.LadderAndRope());
            Func<float[], float[]> decode = ThinObjectDecoder(rooms.Windows, rooms.TileCount, new HashSet<int> { gold, enemy }, roles.EmptyTile);
            TileCountTable table = TileCountTable.FromLevels(rooms.Levels, rooms.TileCount);
            double originalGold = rooms.Levels.Average(r => r.Cells.ToArray().Count(t => t == gold));
            double originalEnemies = rooms.Levels.Average(r => r.Cells.ToArray().Count(t => t == enemy));

            var placed = new List<TileGrid>();
            var plain = new List<TileGrid>();
            for (long seed = 0; seed < 24; seed++)
            {
                var options = new LevelGenerationOptions { Layout = LevelLayout.Room, Playability = checker, ObjectCounts = table };
                LevelGenerationResult result = LevelGenerator.GenerateDetailed(decode, LatentSize, rooms.TileCount, 22, 32, seed, 1, options);
                Assert.That(result.IsPlayable, Is.True, $"seed {seed}: {result.Playability!.Reason}");
                Assert.That(checker.Check(result.Grid).Playable, Is.True, "every placed gold is reachable (independent re-check)");
                Assert.That(result.Grid.Cells.ToArray().Count(t => t == spawn), Is.EqualTo(1), $"seed {seed}: exactly one start");
                placed.Add(result.Grid);
                LevelGenerationResult again = LevelGenerator.GenerateDetailed(decode, LatentSize, rooms.TileCount, 22, 32, seed, 1, options);
                Assert.That(again.Grid, Is.EqualTo(result.Grid), "same seed, same room");
                var without = new LevelGenerationOptions { Layout = LevelLayout.Room, Playability = checker };
                plain.Add(LevelGenerator.GenerateDetailed(decode, LatentSize, rooms.TileCount, 22, 32, seed, 1, without).Grid);
            }
            double goldPlaced = placed.Average(r => r.Cells.ToArray().Count(t => t == gold));
            double goldPlain = plain.Average(r => r.Cells.ToArray().Count(t => t == gold));
            double enemiesPlaced = placed.Average(r => r.Cells.ToArray().Count(t => t == enemy));
            TestContext.Out.WriteLine($"gold per room: originals {originalGold:F1}, argmax {goldPlain:F1}, placed by count {goldPlaced:F1}; enemies {originalEnemies:F1} / {enemiesPlaced:F1}");
            Assert.That(goldPlain, Is.LessThan(0.5), "argmax keeps no thin gold");
            Assert.That(goldPlaced, Is.InRange(0.7 * originalGold, 1.3 * originalGold));
            Assert.That(enemiesPlaced, Is.InRange(0.5 * originalEnemies, 1.5 * originalEnemies));
        }

        [Test]
        public void TileCountTableRoundTripsAndRejectsMalformedText()
        {
            var legendLevels = new[]
            {
                TileGrid.Wrap(2, 3, new[] { 0, 1, 1, 2, 0, 0 }),
                TileGrid.Wrap(1, 4, new[] { 2, 2, 2, 1 }),
            };
            TileCountTable table = TileCountTable.FromLevels(legendLevels, 3);
            Assert.That(table.Format(), Is.EqualTo("6,3,2,1;4,0,1,3"));
            TileCountTable parsed = TileCountTable.Parse(table.Format(), 3)!;
            Assert.That((parsed.LevelCount, parsed.Cells(1), parsed.Count(1, 2), parsed.Count(0, 0)), Is.EqualTo((2, 4, 3, 3)));
            foreach (string bad in new[] { "", "6,3,2", "6,3,2,1,0", "6,-1,2,1", "6,3,2,9", "0,0,0,0", "6,3,2,1;", "6;3;2;1", "6,3,x,1" })
                Assert.That(TileCountTable.Parse(bad, 3), Is.Null, bad);
        }
    }
}
