using System.Linq;
using NUnit.Framework;
using VaeProcgen.Generation;

namespace VaeProcgen.Tests.Generation
{
    [TestFixture]
    public class LatentSamplerTests
    {
        [Test]
        public void SameSeed_GivesIdenticalFloats()
        {
            var first = new float[64];
            var second = new float[64];
            LatentSampler.Sample(12345, first);
            LatentSampler.Sample(12345, second);
            Assert.That(second, Is.EqualTo(first).AsCollection);
        }

        [Test]
        public void DifferentSeeds_GiveDifferentLatents()
        {
            var first = new float[16];
            var second = new float[16];
            LatentSampler.Sample(1, first);
            LatentSampler.Sample(2, second);
            Assert.That(first.Zip(second).Count(p => p.First != p.Second), Is.GreaterThan(12));
        }

        [Test]
        public void Batch_HoldsTheLatentsOfConsecutiveSeeds()
        {
            var batch = new float[3 * 8];
            LatentSampler.SampleBatch(40, 3, 8, batch);
            var third = new float[8];
            LatentSampler.Sample(42, third);
            Assert.That(batch.Skip(16).ToArray(), Is.EqualTo(third).AsCollection);
        }

        [Test]
        public void HundredThousandDraws_HaveStandardNormalMeanAndVariance()
        {
            var draws = new float[100_000];
            LatentSampler.Sample(2024, draws);
            double mean = draws.Average(v => (double)v);
            double variance = draws.Sum(v => (v - mean) * (v - mean)) / (draws.Length - 1);
            Assert.That(mean, Is.EqualTo(0).Within(0.01));
            Assert.That(variance, Is.EqualTo(1).Within(0.02));
            double beyondTwoSigma = draws.Count(v => System.Math.Abs(v) > 2) / (double)draws.Length;
            Assert.That(beyondTwoSigma, Is.EqualTo(0.0455).Within(0.004), "tail mass of a standard normal beyond 2 sigma");
        }
    }
}
