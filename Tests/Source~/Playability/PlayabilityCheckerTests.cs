using System.Linq;
using NUnit.Framework;
using VaeProcgen.Contract;
using VaeProcgen.Generation.Playability;
using VaeProcgen.Generation.Tiles;
using VaeProcgen.Trainer.Data.Levels;

namespace VaeProcgen.Tests.Playability
{
    public class PlayabilityCheckerTests
    {
        /// <summary>A legend with every role: ground, jump-through platform, spikes, ladder, rope, brick, gold, start, enemy.</summary>
        private static readonly System.Collections.Generic.IReadOnlyList<TileLegendEntry> Legend = VglcLegend.Parse(
            "{\"tiles\": {\"X\": [\"solid\", \"ground\"], \"-\": [\"passable\", \"empty\"], \"T\": [\"solidtop\", \"passable\", \"platform\"]," +
            " \"H\": [\"solid\", \"damaging\", \"hazard\"], \"#\": [\"passable\", \"climbable\", \"ladder\"], \"=\": [\"passable\", \"climbable\", \"rope\"]," +
            " \"b\": [\"solid\", \"diggable\", \"ground\"], \"G\": [\"passable\", \"pickupable\"], \"M\": [\"passable\", \"spawn\"], \"E\": [\"damaging\", \"enemy\"]}}",
            "test.json");

        private static readonly TileRoles Roles = TileRoles.FromLegend(Legend);

        private static PlayabilityResult Check(MovementProfile profile, params string[] rows) =>
            new PlayabilityChecker(Roles, profile).Check(TileGrid.FromVglcText(string.Join("\n", rows), Legend));

        private static PlayabilityResult Side(params string[] rows) => Check(MovementProfile.SideScrolling(), rows);

        [Test]
        public void FlatGroundIsPlayableAndThePathWalksToTheRightEdge()
        {
            PlayabilityResult result = Side("-----", "-----", "XXXXX");
            Assert.That(result.Playable, Is.True, result.Reason);
            Assert.That(result.Start, Is.EqualTo(new GridPoint(1, 0)));
            Assert.That(result.Path.Select(p => p.Column), Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
            Assert.That(result.Path.All(p => p.Row == 1), Is.True);
        }

        [Test]
        public void AGapOfSixColumnsIsJumpedButSevenIsNot()
        {
            string sky = new string('-', 12);
            Assert.That(Side(sky, sky, sky, sky, sky, sky, "XXX------XXX").Playable, Is.True, "6-column gap");
            sky = new string('-', 13);
            PlayabilityResult tooWide = Side(sky, sky, sky, sky, sky, sky, "XXX-------XXX");
            Assert.That(tooWide.Playable, Is.False, "7-column gap");
            Assert.That(tooWide.Progress, Is.EqualTo(2 / 12.0).Within(1e-9));
            Assert.That(tooWide.Reason, Does.Contain("furthest column stood on is 2"));
        }

        [Test]
        public void ALedgeFourRowsUpIsReachableButFiveIsNot()
        {
            Assert.That(Side("------", "------", "---XXX", "---XXX", "---XXX", "---XXX", "XXXXXX").Playable, Is.True);
            Assert.That(Side("------", "---XXX", "---XXX", "---XXX", "---XXX", "---XXX", "XXXXXX").Playable, Is.False);
        }

        [Test]
        public void ACeilingCutsTheJumpShort()
        {
            string sky = new string('-', 8);
            Assert.That(Side(sky, sky, sky, sky, "XXX--XXX").Playable, Is.True);
            Assert.That(Side("XXXXXXXX", "--------", "--------", "XXX-XXXX").Playable, Is.True, "one row of headroom: a hop over one column");
            Assert.That(Side("XXXXXXXX", "--------", "--------", "XXX----X").Playable, Is.False, "one row of headroom: no 4-column jump");
        }

        [Test]
        public void SpikesCannotBeStoodOnButEnemiesArePassable()
        {
            Assert.That(Side("-----", "-----", "XXHXX").Playable, Is.True, "one spike tile is jumped over");
            Assert.That(Side("-----", "-----", "HHHHH").Playable, Is.False, "no ground to start on");
            Assert.That(Side("-----", "--E--", "XXXXX").Playable, Is.True);
        }

        [Test]
        public void PlatformsAreJumpedThroughFromBelowInAVerticalLevel()
        {
            var profile = new MovementProfile(MovementKind.Vertical, 4, 3, false);
            string[] level = { "XXXXX", "-----", "TTTTT", "-----", "-----", "-----", "TTTTT", "-----", "-----", "-----", "XXXXX" };
            PlayabilityResult result = new PlayabilityChecker(Roles, profile).Check(TileGrid.FromVglcText(string.Join("\n", level), Legend), 2);
            Assert.That(result.Playable, Is.True, result.Reason);
            Assert.That(result.Path[result.Path.Count - 1].Row, Is.EqualTo(1));
            string[] solid = level.Select(row => row.Replace('T', 'X')).ToArray();
            Assert.That(new PlayabilityChecker(Roles, profile).Check(TileGrid.FromVglcText(string.Join("\n", solid), Legend), 2).Playable, Is.False,
                "solid floors cannot be jumped through");
        }

        [Test]
        public void AVerticalLevelThatWrapsLetsThePlayerLeaveThroughTheSide()
        {
            string[] level = { "--X--", "--X--", "--X--", "X-X--", "--X-M", "XXXXX" };
            var grid = TileGrid.FromVglcText(string.Join("\n", level), Legend);
            var wrap = new MovementProfile(MovementKind.Vertical, 2, 1, true);
            var walls = new MovementProfile(MovementKind.Vertical, 2, 1, false);
            Assert.That(new PlayabilityChecker(Roles, wrap).Check(grid, 3).Playable, Is.True);
            Assert.That(new PlayabilityChecker(Roles, walls).Check(grid, 3).Playable, Is.False);
        }

        private static PlayabilityResult Room(params string[] rows) => Check(MovementProfile.LadderAndRope(), rows);

        [Test]
        public void LadderClimbReachesGoldOnTheUpperFloor()
        {
            Assert.That(Room("G----", "XXX#X", "M--#-", "XXXXX").Playable, Is.True);
            PlayabilityResult noLadder = Room("G----", "XXXXX", "M----", "XXXXX");
            Assert.That(noLadder.Playable, Is.False);
            Assert.That(noLadder.PickupsReached, Is.EqualTo(0));
            Assert.That(noLadder.PickupsTotal, Is.EqualTo(1));
        }

        [Test]
        public void RopeCarriesThePlayerOverAPitAndDroppingFromItFalls()
        {
            Assert.That(Room("-=====-", "M----XG", "X-----X", "XXXXXXX").Playable, Is.False, "the rope is out of reach");
            Assert.That(Room("=====--", "M----XG", "XXXXXXX").Playable, Is.False, "no rope: the wall blocks");
            Assert.That(Room("M====-G", "X----XX", "X----XX", "XXXXXXX").Playable, Is.True, "hand over hand across the pit");
            Assert.That(Room("M===---", "X----XX", "XG---XX", "XXXXXXX").Playable, Is.True, "drop from the rope");
        }

        [Test]
        public void DiggingABrickDiagonallyBelowReachesTheGoldUnderneath()
        {
            Assert.That(Room("M----", "bbbbb", "--G--", "XXXXX").Playable, Is.True);
            Assert.That(Room("M----", "XXXXX", "--G--", "XXXXX").Playable, Is.False, "solid ground cannot be dug");
            PlayabilityResult result = Room("M----", "bbbbb", "--G--", "XXXXX");
            Assert.That(result.Path.Any(p => p.Row == 1), Is.True, "the route passes through a dug hole");
        }

        [Test]
        public void ARoomWithoutAStartIsNotPlayable()
        {
            PlayabilityResult result = Room("G----", "XXXXX");
            Assert.That(result.Playable, Is.False);
            Assert.That(result.Start, Is.Null);
            Assert.That(result.Reason, Does.Contain("no start"));
        }
    }
}
