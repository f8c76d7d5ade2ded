using System;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Generation.Tiles;

namespace VaeProcgen.Tests.Levels
{
    [TestFixture]
    public class LevelMetricsTests
    {
        [Test]
        public void PatternSet_OnHandMadeGrid()
        {
            // 2 x 3 grid: 0 1 0 / 1 0 1 -> 2x2 windows [0,1,1,0] and [1,0,0,1].
            var grid = new TileGrid(2, 3, new[] { 0, 1, 0, 1, 0, 1 });
            var set = new TilePatternSet(new[] { grid }, 2);
            Assert.That(set.Count, Is.EqualTo(2));
            Assert.That(set.Contains(new[] { 0, 1, 1, 0 }), Is.True);
            Assert.That(set.Contains(new[] { 1, 0, 0, 1 }), Is.True);
            Assert.That(set.Contains(new[] { 0, 0, 0, 0 }), Is.False);
            var other = new TileGrid(2, 3, new[] { 0, 1, 1, 1, 0, 0 }); // windows [0,1,1,0] seen, [1,1,0,0] unseen.
            Assert.That(set.CountUnseen(other), Is.EqualTo(1));
            Assert.That(set.UnseenRate(other), Is.EqualTo(0.5).Within(1e-12));
            Assert.That(set.Tiles, Is.EqualTo(new[] { 0, 1 }));
        }

        [Test]
        public void TrainingLevels_HaveNoUnseen2x2Patterns()
        {
            var set = new TilePatternSet(LevelTestData.Mario.Levels, 2);
            foreach (TileGrid level in LevelTestData.Mario.Levels)
                Assert.That(LevelMetrics.UnseenPatternRate(level, set), Is.EqualTo(0));
            TestContext.Out.WriteLine($"distinct 2x2 patterns in the Mario levels: {set.Count}");
        }

        [Test]
        public void Kl_OfIdenticalSetsIsZero()
        {
            var levels = LevelTestData.Mario.Levels;
            foreach (int k in new[] { 2, 3, 4 })
            {
                Assert.That(LevelMetrics.PatternKlDivergence(levels, levels, k), Is.EqualTo(0).Within(1e-9));
                Assert.That(LevelMetrics.SymmetricPatternKl(levels, levels, k), Is.EqualTo(0).Within(1e-9));
            }
        }

        [Test]
        public void Kl_MatchesHandComputedValue()
        {
            // k = 1. P = [0 0]: count(0) = 2, N = 2. Q = [0 1]: count(0) = 1, count(1) = 1, N = 2.
            // p0 = (2+e)/((2+e)(1+e)) = 1/(1+e); q0 = (1+e)/((2+e)(1+e)) = 1/(2+e); KL(P||Q) = p0 ln(p0/q0).
            var p = new TileGrid(1, 2, new[] { 0, 0 });
            var q = new TileGrid(1, 2, new[] { 0, 1 });
            double e = 1e-7;
            double expected = 1 / (1 + e) * Math.Log((2 + e) / (1 + e));
            double kl = LevelMetrics.PatternKlDivergence(new[] { p }, new[] { q }, 1);
            Assert.That(kl, Is.EqualTo(expected).Within(1e-12));
            Assert.That(kl, Is.EqualTo(Math.Log(2)).Within(1e-6));
            // KL(Q||P): q0 ln(q0/p0) + q1 ln(q1/p1), p1 = e/((2+e)(1+e)).
            double q0 = (1 + e) / ((2 + e) * (1 + e)), p0 = (2 + e) / ((2 + e) * (1 + e)), p1 = e / ((2 + e) * (1 + e));
            double reverse = q0 * Math.Log(q0 / p0) + q0 * Math.Log(q0 / p1);
            Assert.That(LevelMetrics.PatternKlDivergence(new[] { q }, new[] { p }, 1), Is.EqualTo(reverse).Within(1e-12));
            Assert.That(LevelMetrics.SymmetricPatternKl(new[] { p }, new[] { q }, 1), Is.EqualTo(0.5 * (expected + reverse)).Within(1e-12));
        }

        [Test]
        public void Kl_IsPositiveForDifferentSets()
        {
            var levels = LevelTestData.Mario.Levels;
            var noise = Enumerable.Range(0, 3).Select(i => LevelTestData.RandomGrid(14, 100, 13, i)).ToList();
            Assert.That(LevelMetrics.PatternKlDivergence(levels, noise, 2), Is.GreaterThan(1.0));
            Assert.That(LevelMetrics.PatternKlDivergence(noise, levels, 2), Is.GreaterThan(1.0));
        }

        [Test]
        public void HumanBaseline_LeaveOneOutKlIsPositive()
        {
            var levels = LevelTestData.Mario.Levels;
            foreach (int k in new[] { 2, 3, 4 })
            {
                double[] kl = LevelMetrics.LeaveOneOutSymmetricKl(levels, k);
                Assert.That(kl, Has.Length.EqualTo(15));
                Assert.That(kl.All(v => v > 0 && !double.IsNaN(v) && !double.IsInfinity(v)));
                TestContext.Out.WriteLine($"human baseline symmetric KL k={k}: mean {kl.Average():F3}, min {kl.Min():F3}, max {kl.Max():F3}");
            }
        }

        [Test]
        public void Novelty_IsZeroForTrainingWindowsAndOneForNoise()
        {
            var mario = LevelTestData.Mario;
            var training = mario.Windows.Where((_, i) => i % 50 == 0).ToList();
            Assert.That(LevelMetrics.Novelty(training, mario.Levels), Is.EqualTo(0));
            var noise = Enumerable.Range(0, 10).Select(i => LevelTestData.RandomGrid(14, 28, 13, 100 + i)).ToList();
            Assert.That(LevelMetrics.Novelty(noise, mario.Levels), Is.EqualTo(1));
        }

        [Test]
        public void Diversity_IsZeroForIdenticalWindowsAndMatchesHandValue()
        {
            TileGrid window = LevelTestData.Mario.Windows[0];
            Assert.That(LevelMetrics.Diversity(new[] { window, window, window }), Is.EqualTo(0));
            var a = new TileGrid(1, 4, new[] { 0, 0, 0, 0 });
            var b = new TileGrid(1, 4, new[] { 0, 1, 0, 0 });
            var c = new TileGrid(1, 4, new[] { 1, 1, 1, 1 });
            // pairs: a-b 1/4, a-c 4/4, b-c 3/4 -> mean 8/12.
            Assert.That(LevelMetrics.Diversity(new[] { a, b, c }), Is.EqualTo(8.0 / 12).Within(1e-12));
        }
    }
}
