using System.IO;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Contract;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Tests.EndToEnd
{
    /// <summary>
    /// Seeded tiny runs with the adversarial term: it stays off before its start epoch (bit-identical history to a run
    /// without it), changes training after it, keeps every step finite, and the discriminator's state travels through
    /// checkpoints so an interrupted and resumed run equals an uninterrupted one.
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
        private TrainingResult interrupted = null!;
        private string adversarialRun = "";
        private string resumedRun = "";

        [OneTimeSetUp]
        public void TrainRuns()
        {
            scratch = new ScratchFolder();
            data = EmbeddedSprites.Prepare(Items, (int)Seed);
            adversarialRun = Path.Combine(scratch.Path, "adversarial");
            resumedRun = Path.Combine(scratch.Path, "resumed");
            plain = TinyTrainingRuns.Train(Path.Combine(scratch.Path, "plain"), Describe(weight: 0), data);
            adversarial = TinyTrainingRuns.Train(adversarialRun, Describe(weight: 0.5), data);
            interrupted = TinyTrainingRuns.TrainInterruptedThenResumed(resumedRun, Describe(weight: 0.5), data, stopAfterEpoch: 2);
        }

        [OneTimeTearDown]
        public void CleanUp()
        {
            data?.Dispose();
            scratch?.Dispose();
        }

        private RunDescription Describe(double weight)
        {
            TrainingOptions options = TinyModels.TrainingOptions(Epochs, Seed);
            options.AdversarialWeight = weight;
            options.AdversarialStartEpoch = StartEpoch;
            return TrainingJob.Describe(data, "tiny", TinyModels.LatentSize, false, options);
        }

        private static byte[] DecoderBytes(string folder) => File.ReadAllBytes(Path.Combine(folder, ContractNames.DecoderFileName));

        [Test]
        public void BeforeItsStartEpoch_TheTermChangesNothing_AfterItChangesTraining()
        {
            EpochMetrics plainFirst = plain.State.History[0], adversarialFirst = adversarial.State.History[0];
            Assert.That(adversarialFirst.TrainLoss, Is.EqualTo(plainFirst.TrainLoss), "epoch 1 (term off) should train exactly as without it");
            Assert.That(adversarialFirst.TestNegElbo, Is.EqualTo(plainFirst.TestNegElbo));
            Assert.That(adversarial.State.History[1].TrainLoss, Is.Not.EqualTo(plain.State.History[1].TrainLoss), "epoch 2 (term on) trained exactly as without it");
        }

        [Test]
        public void EveryStep_IsFiniteAndTheHeldOutElboStaysFinite()
        {
            Assert.That(adversarial.Completed, Is.True);
            Assert.That(adversarial.State.History.Select(m => m.SkippedSteps), Is.All.EqualTo(0));
            Assert.That(adversarial.State.History.Select(m => m.TestNegElbo), Is.All.Matches<double>(double.IsFinite));
            double first = adversarial.State.History[0].TestNegElbo, last = adversarial.State.History[^1].TestNegElbo;
            TestContext.Out.WriteLine($"held-out -ELBO with the adversarial term: epoch 1 {first:F1}, epoch {Epochs} {last:F1}");
            Assert.That(last, Is.LessThan(first), "the held-out -ELBO should still fall while the term is on");
        }

        [Test]
        public void InterruptedThenResumedRun_EqualsUninterruptedRunExactly()
        {
            Assert.That(interrupted.Completed, Is.False, "the cancellation after epoch 2 did not stop the run");
            Assert.That(DecoderBytes(resumedRun), Is.EqualTo(DecoderBytes(adversarialRun)));
        }
    }
}
