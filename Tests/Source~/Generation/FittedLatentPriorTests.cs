using System;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using VaeProcgen.Backends;
using VaeProcgen.Generation;
using VaeProcgen.Tests.EndToEnd;
using VaeProcgen.Trainer.Export;
using VaeProcgen.Trainer.Models;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Tests.Generation
{
    [TestFixture]
    public class FittedLatentPriorTests
    {
        private static FittedLatentPrior TwoComponents(double bandwidth) => new FittedLatentPrior(
            3, new float[] { 5f, 5f, 5f, -5f, -5f, -5f }, new float[] { 0.1f, 0.1f, 0.1f, 0.2f, 0.2f, 0.2f }, bandwidth);

        [Test]
        public void ContractValueRoundTripsExactly()
        {
            FittedLatentPrior prior = TwoComponents(0.3);
            FittedLatentPrior? parsed = FittedLatentPrior.Parse(prior.ToContractValue(), 3);
            Assert.That(parsed, Is.Not.Null);
            Assert.That(parsed!.Count, Is.EqualTo(2));
            Assert.That(parsed.Bandwidth, Is.EqualTo(0.3));
            var a = new float[3];
            var b = new float[3];
            for (long seed = 0; seed < 50; seed++)
            {
                prior.Sample(seed, a);
                parsed.Sample(seed, b);
                Assert.That(b, Is.EqualTo(a));
            }
        }

        [Test]
        public void SamplesStayNearTheirComponentAndUseEveryComponent()
        {
            FittedLatentPrior prior = TwoComponents(0.0);
            var z = new float[3];
            int positive = 0;
            for (long seed = 0; seed < 400; seed++)
            {
                prior.Sample(seed, z);
                float centre = z[0] > 0 ? 5f : -5f;
                if (z[0] > 0) positive++;
                Assert.That(z.Select(v => Math.Abs(v - centre)).Max(), Is.LessThan(1.5), "within 7 sigma of the chosen component");
            }
            Assert.That(positive, Is.InRange(150, 250), "both components are chosen about equally often");
        }

        [Test]
        public void LabelledComponentsAreChosenOnlyForTheirClassAndSurviveTheContract()
        {
            var prior = new FittedLatentPrior(3, new float[] { 5f, 5f, 5f, -5f, -5f, -5f }, new float[] { 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f }, 0.0, new[] { 0, 1 });
            FittedLatentPrior parsed = FittedLatentPrior.Parse(prior.ToContractValue(), 3)!;
            Assert.That(parsed.HasLabels);
            var z = new float[3];
            for (long seed = 0; seed < 100; seed++)
            {
                parsed.Sample(seed, z, label: 1);
                Assert.That(z[0], Is.LessThan(-4), "class 1 draws only from the class-1 component");
                parsed.Sample(seed, z, label: 0);
                Assert.That(z[0], Is.GreaterThan(4), "class 0 draws only from the class-0 component");
            }
            Assert.That(FittedLatentPrior.Parse(prior.ToContractValue().Replace("[0,1]", "[0]"), 3), Is.Null, "label count must match the components");
        }

        [TestCase("{}")]
        [TestCase("{\"kind\":\"aggregate_posterior\",\"count\":1,\"bandwidth\":0.3,\"means\":\"AAAA\",\"sigmas\":\"AAAA\"}")]
        [TestCase("{\"kind\":\"other\",\"count\":1,\"bandwidth\":0.3,\"means\":\"AACAPwAAgD8AAIA/\",\"sigmas\":\"AACAPwAAgD8AAIA/\"}")]
        [TestCase("{\"kind\":\"aggregate_posterior\",\"bandwidth\":0.3,\"means\":\"not base64!\",\"sigmas\":\"AACAPwAAgD8AAIA/\"}")]
        [TestCase("{\"kind\":\"aggregate_posterior\",\"bandwidth\":-1,\"means\":\"AACAPwAAgD8AAIA/\",\"sigmas\":\"AACAPwAAgD8AAIA/\"}")]
        public void MalformedValuesAreRejected(string text)
        {
            Assert.That(FittedLatentPrior.Parse(text, 3), Is.Null);
        }

        [Test]
        public void ExportedModelSamplesFromItsFittedPriorUnlessAskedForTheStandardNormal()
        {
            const long seed = 5;
            using PreparedData data = EmbeddedSprites.Prepare(64, (int)seed);
            using ConvVae model = TinyModels.CreateUntrained(VaePreset.Tiny, TinyModels.LatentSize, seed);
            using var trainer = new VaeTrainer(model, TinyModels.TrainingOptions(1, seed));
            trainer.Run(data.Train, data.Test, new SilentObserver(), _ => { }, CancellationToken.None);
            var metadata = TinyModels.Metadata(model, data.Fingerprint);
            metadata.LatentPrior = AggregatePosterior.Fit(model, data.Train, 0.3);
            byte[] decoder = TinyModels.DecoderBytes(model, metadata);

            using var fitted = VaeModel.Load(decoder, null, new VaeModelOptions { Backend = Backend.OnnxRuntime });
            using var standard = VaeModel.Load(decoder, null, new VaeModelOptions { Backend = Backend.OnnxRuntime, Prior = LatentPriorChoice.StandardNormal });
            Assert.That(fitted.FittedPrior, Is.Not.Null);
            Assert.That(fitted.FittedPrior!.Count, Is.EqualTo(data.Train.Count));
            Assert.That(standard.FittedPrior, Is.Null);

            var expected = new float[fitted.LatentSize];
            metadata.LatentPrior.Sample(11, expected);
            Assert.That(fitted.SampleLatent(11), Is.EqualTo(expected));
            var normal = new float[fitted.LatentSize];
            LatentSampler.Sample(11, normal);
            Assert.That(standard.SampleLatent(11), Is.EqualTo(normal));
        }
    }
}
