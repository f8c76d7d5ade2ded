using System;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Generation;

namespace VaeProcgen.Tests.Generation
{
    [TestFixture]
    public class LatentMathTests
    {
        private static readonly float[] A = { 0.6f, 0.8f, 0f, 0f };
        private static readonly float[] B = { 0f, 0.6f, 0.8f, 0f };

        private static double Norm(float[] v) => Math.Sqrt(v.Sum(x => (double)x * x));

        [TestCase(InterpolationMode.Linear)]
        [TestCase(InterpolationMode.Spherical)]
        public void Ends_GiveTheEndPoints(InterpolationMode mode)
        {
            float[] a = { 1.5f, -2f, 0.25f, 3f };
            float[] b = { -0.5f, 4f, 1f, -1f };
            Assert.That(LatentMath.Interpolate(a, b, 0f, mode), Is.EqualTo(a).Within(1e-6));
            Assert.That(LatentMath.Interpolate(a, b, 1f, mode), Is.EqualTo(b).Within(1e-6));
        }

        [Test]
        public void LinearMidpoint_IsTheAverage()
        {
            float[] a = { 1.5f, -2f, 0.25f, 3f };
            float[] b = { -0.5f, 4f, 1f, -1f };
            float[] expected = a.Zip(b, (x, y) => (x + y) / 2).ToArray();
            Assert.That(LatentMath.Interpolate(a, b, 0.5f, InterpolationMode.Linear), Is.EqualTo(expected).Within(1e-6));
        }

        [Test]
        public void Slerp_OfUnitVectors_StaysOnTheUnitSphere()
        {
            for (int step = 0; step <= 10; step++)
            {
                float t = step / 10f;
                float[] point = LatentMath.Interpolate(A, B, t, InterpolationMode.Spherical);
                Assert.That(Norm(point), Is.InRange(1 - 1e-6, 1 + 1e-6), $"t = {t}");
            }
            // Linear interpolation, by contrast, cuts the chord: its midpoint is shorter.
            Assert.That(Norm(LatentMath.Interpolate(A, B, 0.5f, InterpolationMode.Linear)), Is.LessThan(0.9));
        }

        [Test]
        public void Slerp_OfParallelVectors_FallsBackToLinear()
        {
            float[] a = { 1f, 2f };
            float[] b = { 2f, 4f };
            Assert.That(LatentMath.Interpolate(a, b, 0.5f, InterpolationMode.Spherical), Is.EqualTo(new[] { 1.5f, 3f }).Within(1e-6));
        }

        [Test]
        public void DifferentLengths_AreRefused()
        {
            var e = Assert.Throws<ArgumentException>(() => LatentMath.Interpolate(new float[3], new float[4], 0.5f))!;
            Assert.That(e.Message, Does.Contain("3").And.Contain("4"));
        }
    }
}
