using System;
using System.Collections.Generic;
using NUnit.Framework;
using VaeProcgen.Generation;

namespace VaeProcgen.Tests.Generation
{
    [TestFixture]
    public class DeterministicMathTests
    {
        private static IEnumerable<double> Values()
        {
            var random = new DeterministicRandom(99);
            for (int i = 0; i < 20_000; i++)
            {
                // Random bit patterns of positive finite doubles: every exponent, subnormals included.
                long bits = (long)(random.NextUInt64() % 0x7FF0000000000000UL);
                if (bits != 0) yield return BitConverter.Int64BitsToDouble(bits);
            }
            for (int i = 0; i < 20_000; i++) yield return 1e-6 + random.NextDouble() * 10;
            for (int i = 1; i < 2000; i++)
            {
                yield return 1 + i * 1e-12;
                yield return 1 - i * 1e-12;
            }
            yield return double.Epsilon;
            yield return BitConverter.Int64BitsToDouble(0x000FFFFFFFFFFFFFL);
            yield return double.MaxValue;
            yield return Math.Sqrt(2);
            yield return 0.5;
            yield return 2;
        }

        [Test]
        public void Log_MatchesMathLog_ToRelativeErrorBelow1e14()
        {
            double worst = 0;
            double worstAt = 0;
            int count = 0;
            foreach (double x in Values())
            {
                double expected = Math.Log(x);
                double actual = DeterministicMath.Log(x);
                double error = Math.Abs(actual - expected) / Math.Abs(expected);
                if (error > worst) { worst = error; worstAt = x; }
                count++;
            }
            Assert.That(count, Is.GreaterThan(40_000));
            Assert.That(worst, Is.LessThan(1e-14), $"worst relative error {worst:E3} at x = {worstAt:R}");
        }

        [Test]
        public void Log_OfOne_IsExactlyZero()
        {
            Assert.That(DeterministicMath.Log(1.0), Is.EqualTo(0.0));
        }

        [TestCase(0.0)]
        [TestCase(-1.0)]
        [TestCase(double.NaN)]
        [TestCase(double.PositiveInfinity)]
        public void Log_OfNonPositiveOrNonFinite_Throws(double x)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => DeterministicMath.Log(x));
        }
    }
}
