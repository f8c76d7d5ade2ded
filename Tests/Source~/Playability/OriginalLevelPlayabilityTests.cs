using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Contract;
using VaeProcgen.Generation.Playability;
using VaeProcgen.Generation.Tiles;
using VaeProcgen.Trainer.Data.Levels;

namespace VaeProcgen.Tests.Playability
{
    /// <summary>The human baseline: the checker's pass rate on each embedded game's original levels.</summary>
    public class OriginalLevelPlayabilityTests
    {
        private static (List<TileGrid> Levels, TileRoles Roles) Load(string game)
        {
            var (legendPath, legendText) = EmbeddedLevels.ReadLegend(game);
            IReadOnlyList<TileLegendEntry> legend = VglcLegend.Parse(legendText, legendPath);
            return (EmbeddedLevels.ReadLevels(game).Select(level => TileGrid.FromVglcText(level.Text, legend)).ToList(), TileRoles.FromLegend(legend));
        }

        [TestCase("vglc-super-mario-bros", MovementKind.SideScrolling, 15, 13)]
        [TestCase("vglc-kid-icarus", MovementKind.Vertical, 6, 6)]
        [TestCase("vglc-lode-runner", MovementKind.LadderAndRope, 150, 136)]
        public void OriginalLevelsPassAtTheDocumentedRate(string game, MovementKind kind, int levels, int playable)
        {
            var (grids, roles) = Load(game);
            MovementProfile profile = kind == MovementKind.SideScrolling ? MovementProfile.SideScrolling()
                : kind == MovementKind.Vertical ? MovementProfile.Vertical() : MovementProfile.LadderAndRope();
            var checker = new PlayabilityChecker(roles, profile);
            Assert.That(grids.Count, Is.EqualTo(levels));
            Assert.That(grids.Count(grid => checker.Check(grid).Playable), Is.EqualTo(playable));
        }

        [Test]
        public void AMarioLevelIsCheckedInWellUnderTenMilliseconds()
        {
            var (grids, roles) = Load("vglc-super-mario-bros");
            var checker = new PlayabilityChecker(roles, MovementProfile.SideScrolling());
            TileGrid level = grids.First(grid => grid.Width >= 200);
            checker.Check(level);
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < 20; i++) checker.Check(level);
            Assert.That(watch.Elapsed.TotalMilliseconds / 20, Is.LessThan(10), $"{level.Width} columns");
        }
    }
}
