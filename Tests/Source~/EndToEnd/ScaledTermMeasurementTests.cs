using System.Threading;
using NUnit.Framework;
using VaeProcgen.Trainer.Models;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Tests.EndToEnd
{
    /// <summary>
    /// The scaled terms' gradient-norm ratio is measured on the first step and then every
    /// <see cref="VaeTrainer.ScaledTermProbeInterval"/> steps; the steps in between keep it.
    /// </summary>
    [TestFixture]
    public class ScaledTermMeasurementTests
    {
        private const long Seed = 5;

        /// <summary>The local-contrast ratio after <paramref name="steps"/> steps of a fresh seeded run.</summary>
        private static double RatioAfter(PreparedData data, int steps)
        {
            TrainingOptions options = TinyModels.TrainingOptions(epochs: 1, Seed);
            options.BatchSize = 4;
            options.LocalContrastWeight = TrainingOptions.SpriteLocalContrastWeight;
            using ConvVae model = TinyModels.CreateUntrained(VaePreset.Tiny, TinyModels.LatentSize, Seed);
            using var trainer = new VaeTrainer(model, options);
            using var cancel = new CancellationTokenSource();
            var stopper = new SilentObserver(batchFinished: batch => { if (batch + 1 == steps) cancel.Cancel(); });
            bool completed = trainer.Run(data.Train, data.Test, stopper, _ => { }, cancel.Token);
            Assert.That(completed, Is.False, "the run must stop inside its only epoch");
            Assert.That(trainer.State.GlobalStep, Is.EqualTo(steps));
            return trainer.State.LocalContrastRatio;
        }

        [Test]
        public void TheRatio_IsMeasuredOnTheFirstStep_KeptBetweenMeasurements_AndMeasuredAgainAfterTheInterval()
        {
            using PreparedData data = EmbeddedSprites.Prepare(48, (int)Seed);
            int interval = VaeTrainer.ScaledTermProbeInterval;
            Assert.That(data.Train.Count, Is.GreaterThan(4 * (interval + 1)), "the epoch must hold more steps than the test takes");

            double first = RatioAfter(data, 1);
            double beforeSecondMeasurement = RatioAfter(data, interval);
            double afterSecondMeasurement = RatioAfter(data, interval + 1);

            Assert.That(first, Is.GreaterThan(0), "the first step must measure the ratio");
            Assert.That(beforeSecondMeasurement, Is.EqualTo(first), "steps between measurements must keep the ratio unchanged");
            Assert.That(afterSecondMeasurement, Is.Not.EqualTo(first), "step number interval must measure the ratio again");
        }
    }
}
