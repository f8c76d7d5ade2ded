using System;
using NUnit.Framework;
using VaeProcgen.Generation;
using VaeProcgen.Tests.EndToEnd;
using VaeProcgen.Trainer.Export;
using VaeProcgen.Trainer.Models;
using VaeProcgen.Trainer.Training;
using static TorchSharp.torch;

namespace VaeProcgen.Tests.Generation
{
    /// <summary>
    /// The fitted prior's coherent local noise: every local channel moves by one shared draw, weighted by how much each cell's
    /// posterior pins it down, and the description survives the contract; the trainer fits it for two-level models only.
    /// </summary>
    [TestFixture]
    public class CoherentLocalNoiseTests
    {
        private const int Global = 2;
        private const int Latent = Global + 2 * 3;
        private const double Shift = 0.8;

        // Channel 0: cells with posterior sigma 0, 0 and 0.5; channel 1: sigma 1, 1.5 (the prior: must not move) and 0.
        private static readonly float[] Sigmas = { 0f, 0f, 0f, 0f, 0.5f, 1f, 1.5f, 0f };

        private static FittedLatentPrior OneComponent() => new FittedLatentPrior(
            Latent, new float[] { 1, 2, 3, 4, 5, 6, 7, 8 }, (float[])Sigmas.Clone(), 0.0, null, Latent, 1.0, new CoherentLocalNoise(Global, 2, Shift));

        [Test]
        public void EachChannelMovesByOneSharedDrawWeightedByItsCellsPosterior()
        {
            FittedLatentPrior prior = OneComponent();
            var z = new float[Latent];
            const int draws = 4000;
            double sumSquares = 0, crossChannel = 0;
            for (long seed = 0; seed < draws; seed++)
            {
                prior.Sample(seed, z);
                Assert.That(z[0], Is.EqualTo(1f).Within(1e-6), "global value with sigma 0 and bandwidth 0");
                double shift0 = z[2] - 3, shift1 = z[7] - 8;
                Assert.That(Math.Abs(shift0), Is.LessThanOrEqualTo(CoherentLocalNoise.DrawLimit * Shift + 1e-5), "draws are clipped");
                Assert.That(z[3] - 4, Is.EqualTo(shift0).Within(1e-5), "cells of one channel move together");
                Assert.That(z[4] - 5, Is.EqualTo(shift0 * 0.5).Within(1e-5), "a cell with posterior sigma 0.5 moves half as far");
                Assert.That(z[5], Is.EqualTo(6f), "a cell whose posterior is the prior stays");
                Assert.That(z[6], Is.EqualTo(7f), "sigma above 1 counts as the prior");
                sumSquares += shift0 * shift0;
                crossChannel += shift0 * shift1;
            }
            // a standard normal clipped at +-1.5 has standard deviation 0.882
            Assert.That(Math.Sqrt(sumSquares / draws), Is.EqualTo(Shift * 0.882).Within(0.035), "standard deviation of a channel's clipped shift");
            Assert.That(crossChannel / sumSquares, Is.EqualTo(0).Within(0.06), "channels draw independently");
            prior.Sample(3, z, VaeModel.NoLabel, 0.0);
            Assert.That(z, Is.EqualTo(new float[] { 1, 2, 3, 4, 5, 6, 7, 8 }), "spread 0 gives the component mean");
        }

        [Test]
        public void DescriptionRoundTripsThroughTheContractAndBadOnesAreRefused()
        {
            FittedLatentPrior prior = OneComponent();
            string text = prior.ToContractValue();
            FittedLatentPrior parsed = FittedLatentPrior.Parse(text, Latent)!;
            Assert.That(parsed, Is.Not.Null);
            Assert.That(parsed.LocalNoise!.GlobalDimensions, Is.EqualTo(Global));
            Assert.That(parsed.LocalNoise.Channels, Is.EqualTo(2));
            Assert.That(parsed.LocalNoise.Shift, Is.EqualTo(Shift));
            var a = new float[Latent];
            var b = new float[Latent];
            for (long seed = 0; seed < 20; seed++)
            {
                prior.Sample(seed, a);
                parsed.Sample(seed, b);
                Assert.That(b, Is.EqualTo(a));
            }
            Assert.That(FittedLatentPrior.Parse(text.Replace("\"local_channels\":2", "\"local_channels\":4"), Latent), Is.Null, "6 local values do not split into 4 channels");
            Assert.That(FittedLatentPrior.Parse(text.Replace("\"local_shift\":0.8", "\"local_shift\":-1"), Latent), Is.Null, "negative shift");
            Assert.That(FittedLatentPrior.Parse(text.Replace("\"global_dimensions\":2", "\"global_dimensions\":8"), Latent), Is.Null, "no local values left");
            Assert.Throws<ArgumentException>(() => new FittedLatentPrior(Latent, new float[Latent], new float[Latent], 0.3, null, Latent, 1.0, new CoherentLocalNoise(Global, 4, Shift)));
            Assert.That(FittedLatentPrior.Parse(TwoValuePrior(), 2)!.LocalNoise, Is.Null, "priors without the fields sample every value independently, as before");
        }

        private static string TwoValuePrior() => new FittedLatentPrior(2, new float[] { 1, 2 }, new float[] { 0.1f, 0.1f }, 0.3).ToContractValue();

        [TestCase(-1.0, 0.6, true)]
        [TestCase(-1.0, -1.0, false)]
        [TestCase(0.5, 0.6, false)]
        public void TheTrainerFitsItForTwoLevelModelsWhoseComponentsCoverTheLocalNoise(double localSpread, double localShift, bool expected)
        {
            const int globalLatent = 6, channels = 3;
            using PreparedData data = EmbeddedSprites.Prepare(16, 3);
            manual_seed(3);
            using var model = new ConvVae(new VaeArchitecture(new VaeShape(4, 32, 32), VaePreset.Tiny, globalLatent, 0, localLatentChannels: channels));
            FittedLatentPrior prior = AggregatePosterior.Fit(model, data.Train, 0.3, localSpread, localShift);
            Assert.That(prior.LocalNoise != null, Is.EqualTo(expected));
            if (!expected) return;
            Assert.That(prior.LocalNoise!.GlobalDimensions, Is.EqualTo(globalLatent));
            Assert.That(prior.LocalNoise.Channels, Is.EqualTo(channels));
            Assert.That(prior.LocalNoise.Shift, Is.EqualTo(localShift));
            Assert.That(prior.ComponentDimensions, Is.EqualTo(model.Architecture.LatentSize));
        }
    }
}
