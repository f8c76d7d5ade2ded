using System.IO;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Contract;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Tests.EndToEnd
{
    /// <summary>
    /// Seeded tiny runs with the scaled terms: the adversarial and feature-matching terms stay off before their start epoch
    /// (bit-identical history to a run without them) and change training after it (feature matching differently from the
    /// adversarial term alone); the local-contrast term, which needs no discriminator, changes it from the first step. Every
    /// step stays finite, and the discriminator's state and the terms' ratios travel through checkpoints so an interrupted
    /// and resumed run equals an uninterrupted one.
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
        private TrainingResult contrasted = null!;
        private TrainingResult contrastInterrupted = null!;
        private string matchedRun = "";
        private string resumedRun = "";
        private string contrastedRun = "";
        private string contrastResumedRun = "";

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
            contrastedRun = Path.Combine(scratch.Path, "contrasted");
            contrastResumedRun = Path.Combine(scratch.Path, "contrast-resumed");
            contrasted = TinyTrainingRuns.Train(contrastedRun, Describe(weight: 0, matching: 0, contrast: TrainingOptions.SpriteLocalContrastWeight), data);
            contrastInterrupted = TinyTrainingRuns.TrainInterruptedThenResumed(contrastResumedRun, Describe(weight: 0, matching: 0, contrast: TrainingOptions.SpriteLocalContrastWeight), data, stopAfterEpoch: 1);
        }

        [OneTimeTearDown]
        public void CleanUp()
        {
            data?.Dispose();
            scratch?.Dispose();
        }

        private RunDescription Describe(double weight, double matching, double contrast = 0)
        {
            TrainingOptions options = TinyModels.TrainingOptions(Epochs, Seed);
            options.AdversarialWeight = weight;
            options.FeatureMatchingWeight = matching;
            options.LocalContrastWeight = contrast;
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
            foreach (TrainingResult run in new[] { adversarial, matched, contrasted })
            {
                Assert.That(run.Completed, Is.True);
                Assert.That(run.State.History.Select(m => m.SkippedSteps), Is.All.EqualTo(0));
                Assert.That(run.State.History.Select(m => m.TestNegElbo), Is.All.Matches<double>(double.IsFinite));
            }
            foreach (TrainingResult run in new[] { adversarial, matched })
            {
                double first = run.State.History[0].TestNegElbo, last = run.State.History[^1].TestNegElbo;
                TestContext.Out.WriteLine($"held-out -ELBO: epoch 1 {first:F1}, epoch {Epochs} {last:F1}");
                Assert.That(last, Is.LessThan(first), "the held-out -ELBO should still fall while the terms are on");
            }
        }

        [Test]
        public void TheLocalContrastTerm_ChangesTrainingFromTheFirstStep_AndMeasuresItsScale()
        {
            Assert.That(contrasted.State.History[0].TrainLoss, Is.Not.EqualTo(plain.State.History[0].TrainLoss), "epoch 1 trained exactly as without the term");
            Assert.That(contrasted.State.LocalContrastRatio, Is.GreaterThan(0), "the local-contrast term's scale was never measured");
            Assert.That(plain.State.LocalContrastRatio, Is.EqualTo(0));
            Assert.That(matched.State.LocalContrastRatio, Is.EqualTo(0));
        }

        [Test]
        public void InterruptedThenResumedRun_EqualsUninterruptedRunExactly()
        {
            Assert.That(interrupted.Completed, Is.False, "the cancellation after epoch 2 did not stop the run");
            Assert.That(DecoderBytes(resumedRun), Is.EqualTo(DecoderBytes(matchedRun)));
            Assert.That(contrastInterrupted.Completed, Is.False, "the cancellation after epoch 1 did not stop the run");
            Assert.That(DecoderBytes(contrastResumedRun), Is.EqualTo(DecoderBytes(contrastedRun)), "the local-contrast run resumed differently");
        }
    }
}
