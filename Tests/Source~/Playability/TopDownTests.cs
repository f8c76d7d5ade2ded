using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using VaeProcgen.Contract;
using VaeProcgen.Generation.Playability;
using VaeProcgen.Generation.Tiles;
using VaeProcgen.Trainer.Data.Levels;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Tests.Playability
{
    /// <summary>
    /// The top-down movement profile on hand-written Zelda-style rooms (Tests/Source~/TestData/levels/topdown: 11 x 16,
    /// walls, doors, stairs, water, enemies, a key): detection from the legend, the checker, and a tiny seeded model.
    /// </summary>
    public class TopDownTests
    {
        private static string Folder => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "levels", "topdown");
        private static string LegendPath => Path.Combine(Folder, "topdown.json");
        private static IReadOnlyList<TileLegendEntry> Legend => VglcLegend.Load(LegendPath);

        private static TileLevelDataset Rooms() =>
            TileLevelDataset.LoadFolder(Path.Combine(Folder, "rooms"), LegendPath, new TileWindowOptions { WindowHeight = 16, DetectLayout = true });

        private static PlayabilityResult Check(params string[] rows) =>
            new PlayabilityChecker(TileRoles.FromLegend(Legend), MovementProfile.TopDown()).Check(TileGrid.FromVglcText(string.Join("\n", rows), Legend));

        [Test]
        public void ALegendWithDoorsAndNoLaddersOrPlatformsIsTopDown_TheEmbeddedGamesAreNot()
        {
            TileRoles roles = TileRoles.FromLegend(Legend);
            Assert.That(roles.LooksTopDown, Is.True);
            Assert.That(TileModelExtensions.ProfileFor(LevelLayout.Room, roles).Kind, Is.EqualTo(MovementKind.TopDown));
            Assert.That(TileModelExtensions.ProfileFor(LevelLayout.Horizontal, roles).Kind, Is.EqualTo(MovementKind.SideScrolling), "only rooms are played top-down");
            var expected = new Dictionary<string, MovementKind>
            {
                ["vglc-super-mario-bros"] = MovementKind.SideScrolling,
                ["vglc-kid-icarus"] = MovementKind.Vertical,
                ["vglc-lode-runner"] = MovementKind.LadderAndRope,
            };
            foreach (var (game, kind) in expected)
            {
                var window = new TileWindowOptions { WindowHeight = 16, DetectLayout = true };
                TileLevelDataset levels = TileLevelDataset.LoadEmbedded(window, game);
                TileRoles gameRoles = TileRoles.FromLegend(levels.Legend);
                Assert.That(gameRoles.LooksTopDown, Is.False, game);
                Assert.That(TileModelExtensions.ProfileFor(levels.Layout, gameRoles).Kind, Is.EqualTo(kind), game);
            }
        }

        [Test]
        public void EveryHandWrittenRoomIsARoomAndPlayableFromItsEntrance()
        {
            TileLevelDataset rooms = Rooms();
            Assert.That(rooms.Layout, Is.EqualTo(LevelLayout.Room));
            Assert.That((rooms.WindowHeight, rooms.WindowWidth), Is.EqualTo((11, 16)));
            Assert.That(rooms.Levels, Has.Count.EqualTo(6));
            var checker = new PlayabilityChecker(TileRoles.FromLegend(rooms.Legend), MovementProfile.TopDown());
            int door = rooms.Legend.First(e => e.Character == 'D').Index;
            foreach (TileGrid room in rooms.Levels)
            {
                PlayabilityResult result = checker.Check(room);
                Assert.That(result.Playable, Is.True, result.Reason);
                GridPoint start = result.Start!.Value;
                Assert.That(room[start.Row, start.Column], Is.EqualTo(door), "the entrance is a door");
                Assert.That(start.Row == 0 || start.Row == 10 || start.Column == 0 || start.Column == 15, Is.True, $"the entrance {start} is on the edge");
                Assert.That(result.Path.Count, Is.GreaterThan(1));
            }
        }

        [Test]
        public void AWalledOffDoorAKeyBehindWaterAndARoomWithoutEntranceAreNotPlayable()
        {
            string top = "WWWWWWWDDWWWWWWW", wall = new string('W', 16), floor = "WWFFFFFFFFFFFFWW";
            PlayabilityResult open = Check(top, top, floor, floor, floor, floor, floor, floor, floor, top, top);
            Assert.That(open.Playable, Is.True, open.Reason);
            Assert.That(open.Reason, Does.Contain("All 8 doors"));

            PlayabilityResult walled = Check(top, top, floor, floor, floor, floor, floor, "WWBBBBBBBBBBBBWW", floor, top, top);
            Assert.That(walled.Playable, Is.False);
            Assert.That(walled.Reason, Does.Contain("4 of 8 doors, stairs and pickups cannot be reached"));
            Assert.That(walled.Progress, Is.EqualTo(0.5).Within(1e-9));

            string[] moat = { top, top, floor, floor, "WWFFFPPPFFFFFFWW", "WWFFFPKPFFFFFFWW", "WWFFFPPPFFFFFFWW", floor, floor, wall, wall };
            PlayabilityResult keyBehindWater = Check(moat);
            Assert.That(keyBehindWater.Playable, Is.False, "water is not walked over");
            Assert.That(keyBehindWater.PickupsTotal, Is.EqualTo(1));
            Assert.That(keyBehindWater.PickupsReached, Is.EqualTo(0));
            moat[5] = "WWFFFPKFFFFFFFWW";
            Assert.That(Check(moat).Playable, Is.True, "an opening in the water");

            PlayabilityResult closed = Check(wall, wall, floor, floor, floor, floor, floor, floor, floor, wall, wall);
            Assert.That(closed.Playable, Is.False);
            Assert.That(closed.Start, Is.Null);
            Assert.That(closed.Reason, Does.Contain("no entrance"));
        }

        [Test]
        public void ATinySeededModelGeneratesPlayableTopDownRoomsWithOneEntrance()
        {
            string folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "scratch", "topdown-model");
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            using (PreparedData data = TileDataPreparer.Prepare(Rooms(), 0.2, 1))
            {
                Assert.That(data.LevelLayout, Is.EqualTo(LevelLayout.Room));
                var options = new TrainingOptions { Epochs = 120, LearningRate = 6e-3, BatchSize = 8, Likelihood = Likelihood.Categorical, FlipAugment = false, WarmupSteps = 10, FreeBits = 1, Seed = 1 };
                RunDescription run = TrainingJob.Describe(data, "tiny", 8, conditional: false, options);
                Assert.That(new TrainingJob(folder, run, resume: false).Execute(data, new QuietObserver(), CancellationToken.None).Completed, Is.True);
            }
            using VaeModel model = VaeModel.Load(folder);
            Assert.That(model.Contract.LevelLayout, Is.EqualTo(LevelLayout.Room));
            Assert.That(model.PlayabilityChecker().Profile.Kind, Is.EqualTo(MovementKind.TopDown));
            Assert.That(model.Contract.TileCounts, Is.Not.Null);
            Assert.That(model.Contract.TileCounts!.LevelCount, Is.EqualTo(5), "5 training rooms, 1 held out");
            LevelGenerationOptions levelOptions = model.LevelOptions(repair: false);
            int door = model.Contract.TileLegend.First(e => e.Character == 'D').Index;
            for (long seed = 0; seed < 4; seed++)
            {
                LevelGenerationResult result = model.GenerateLevelDetailed(seed, 1, levelOptions);
                Assert.That((result.Grid.Height, result.Grid.Width), Is.EqualTo((11, 16)));
                Assert.That(result.IsPlayable, Is.True, $"seed {seed}: {result.Playability!.Reason}");
                Assert.That(result.Grid.Cells.ToArray().Count(t => t == door), Is.GreaterThanOrEqualTo(2), $"seed {seed}: a room has doors");
            }
        }

        private sealed class QuietObserver : ITrainingObserver
        {
            public void EpochStarted(int epoch, int totalEpochs, int batches, int firstBatch) { }
            public void BatchFinished(int epoch, int batch, double loss) { }
            public void EpochFinished(EpochMetrics metrics) { }
        }
    }
}
