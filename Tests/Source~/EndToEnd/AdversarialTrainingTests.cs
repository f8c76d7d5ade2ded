using System.IO;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Contract;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Tests.EndToEnd
{
    /// <summary>
    /// Seeded tiny runs with the adversarial and feature-matching terms: they stay off before their start epoch
    /// (bit-identical history to a run without them), change training after it (feature matching differently from the
    /// adversarial term alone), keep every step finite, and the discriminator's state and both terms' ratios travel
    /// through checkpoints so an interrupted and resumed run equals an uninterrupted one.
    /// </summary>
    [TestFixture]
    public class AdversarialTrainingTests
    {
        private const int Items = 128;
        private const long Seed = 23;
        private const int Epochs = 3;
        private const int StartEpoch = 1;

        private ScratchFolder scratch = null!;
        private PreparedData data = null!;
        private TrainingResult plain = null!;
        private TrainingResult adversarial = null!;
        private TrainingResult matched = null!;
        private TrainingResult interrupted = null!;
        private string matchedRun = "";
        private string resumedRun = "";

        [OneTimeSetUp]
        public void TrainRuns()
        {
            scratch = new ScratchFolder();
            data = EmbeddedSprites.Prepare(Items, (int)Seed);
            matchedRun = Path.Combine(scratch.Path, "matched");
            resumedRun = Path.Combine(scratch.Path, "resumed");
            plain = TinyTrainingRuns.Train(Path.Combine(scratch.Path, "plain"), Describe(weight: 0, matching: 0), data);
            adversarial = TinyTrainingRuns.Train(Path.Combine(scratch.Path, "adversarial"), Describe(weight: 0.5, matching: 0), data);
            matched = TinyTrainingRuns.Train(matchedRun, Describe(weight: 0.5, matching: 0.5), data);
            interrupted = TinyTrainingRuns.TrainInterruptedThenResumed(resumedRun, Describe(weight: 0.5, matching: 0.5), data, stopAfterEpoch: 2);
        }

        [OneTimeTearDown]
        public void CleanUp()
        {
            data?.Dispose();
            scratch?.Dispose();
        }

        private RunDescription Describe(double weight, double matching)
        {
            TrainingOptions options = TinyModels.TrainingOptions(Epochs, Seed);
            options.AdversarialWeight = weight;
            options.FeatureMatchingWeight = matching;
            options.AdversarialStartEpoch = StartEpoch;
            return TrainingJob.Describe(data, "tiny", TinyModels.LatentSize, false, options);
        }

        private static byte[] DecoderBytes(string folder) => File.ReadAllBytes(Path.Combine(folder, ContractNames.DecoderFileName));

        [Test]
        public void BeforeTheirStartEpoch_TheTermsChangeNothing_AfterItTheyChangeTraining()
        {
            foreach (TrainingResult run in new[] { adversarial, matched })
            {
                Assert.That(run.State.History[0].TrainLoss, Is.EqualTo(plain.State.History[0].TrainLoss), "epoch 1 (terms off) should train exactly as without them");
                Assert.That(run.State.History[0].TestNegElbo, Is.EqualTo(plain.State.History[0].TestNegElbo));
                Assert.That(run.State.History[1].TrainLoss, Is.Not.EqualTo(plain.State.History[1].TrainLoss), "epoch 2 (terms on) trained exactly as without them");
            }
            Assert.That(matched.State.History[1].TestNegElbo, Is.Not.EqualTo(adversarial.State.History[1].TestNegElbo), "feature matching changed nothing next to the adversarial term alone");
            Assert.That(matched.State.FeatureMatchingRatio, Is.GreaterThan(0), "the feature-matching term's scale was never measured");
            Assert.That(adversarial.State.FeatureMatchingRatio, Is.EqualTo(0));
        }

        [Test]
        public void EveryStep_IsFiniteAndTheHeldOutElboStaysFinite()
        {
            foreach (TrainingResult run in new[] { adversarial, matched })
            {
                Assert.That(run.Completed, Is.True);
                Assert.That(run.State.History.Select(m => m.SkippedSteps), Is.All.EqualTo(0));
                Assert.That(run.State.History.Select(m => m.TestNegElbo), Is.All.Matches<double>(double.IsFinite));
                double first = run.State.History[0].TestNegElbo, last = run.State.History[^1].TestNegElbo;
                TestContext.Out.WriteLine($"held-out -ELBO: epoch 1 {first:F1}, epoch {Epochs} {last:F1}");
                Assert.That(last, Is.LessThan(first), "the held-out -ELBO should still fall while the terms are on");
            }
        }

        [Test]
        public void InterruptedThenResumedRun_EqualsUninterruptedRunExactly()
        {
            Assert.That(interrupted.Completed, Is.False, "the cancellation after epoch 2 did not stop the run");
            Assert.That(DecoderBytes(resumedRun), Is.EqualTo(DecoderBytes(matchedRun)));
        }
    }
}
