using System;
using NUnit.Framework;

namespace VaeProcgen.Tests.EndToEnd
{
    /// <summary>Element-wise comparison of float outputs with an explicit tolerance.</summary>
    internal static class ArrayDiff
    {
        public static double MaxAbs(float[] expected, float[] actual)
        {
            Assert.That(actual.Length, Is.EqualTo(expected.Length), "output lengths differ");
            double max = 0;
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.That(float.IsFinite(actual[i]) && float.IsFinite(expected[i]), Is.True, $"non-finite value at {i}");
                max = Math.Max(max, Math.Abs((double)expected[i] - actual[i]));
            }
            return max;
        }

        public static void AssertClose(float[] expected, float[] actual, double tolerance, string what)
        {
            double max = MaxAbs(expected, actual);
            Assert.That(max, Is.LessThanOrEqualTo(tolerance), $"{what}: max abs diff {max:E3} exceeds {tolerance:E1}");
        }
    }
}
