using System.IO;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Contract;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Tests.EndToEnd
{
    /// <summary>
    /// Seeded tiny training runs into model folders: the held-out loss falls, the same seed gives the same
    /// bytes, an interrupted and resumed run equals an uninterrupted one, and no temporary files are left.
    /// </summary>
    [TestFixture]
    public class TrainingRunTests
    {
        private const int Items = 128;
        private const long Seed = 21;
        private const int Epochs = 3;

        private ScratchFolder scratch = null!;
        private PreparedData data = null!;
        private string firstRun = "";
        private string secondRun = "";
        private string resumedRun = "";
        private TrainingResult firstResult = null!;
        private TrainingResult interruptedResult = null!;

        [OneTimeSetUp]
        public void TrainRuns()
        {
            scratch = new ScratchFolder();
            data = EmbeddedSprites.Prepare(Items, (int)Seed);
            firstRun = Path.Combine(scratch.Path, "first");
            secondRun = Path.Combine(scratch.Path, "second");
            resumedRun = Path.Combine(scratch.Path, "resumed");
            RunDescription run = TrainingJob.Describe(data, "tiny", TinyModels.LatentSize, false, TinyModels.TrainingOptions(Epochs, Seed));
            firstResult = TinyTrainingRuns.Train(firstRun, run, data);
            TinyTrainingRuns.Train(secondRun, run, data);
            interruptedResult = TinyTrainingRuns.TrainInterruptedThenResumed(resumedRun, run, data, stopAfterEpoch: 2);
        }

        [OneTimeTearDown]
        public void CleanUp()
        {
            data?.Dispose();
            scratch?.Dispose();
        }

        private static byte[] DecoderBytes(string folder) => File.ReadAllBytes(Path.Combine(folder, ContractNames.DecoderFileName));

        [Test]
        public void HeldOutNegativeElbo_FallsFromFirstToLastEpoch()
        {
            Assert.That(firstResult.Completed, Is.True);
            Assert.That(firstResult.State.History.Select(m => m.Epoch), Is.EqualTo(new[] { 1, 2, 3 }));
            double first = firstResult.State.History[0].TestNegElbo;
            double last = firstResult.State.History[^1].TestNegElbo;
            TestContext.Out.WriteLine($"held-out -ELBO: epoch 1 {first:F1}, epoch {Epochs} {last:F1} nats/item");
            Assert.That(double.IsFinite(first) && double.IsFinite(last), Is.True);
            Assert.That(last, Is.LessThan(first * 0.95), "the held-out -ELBO should fall by at least 5% over the run");
        }

        [Test]
        public void SameSeed_ExportsBitIdenticalDecoderAndEncoder()
        {
            Assert.That(DecoderBytes(secondRun), Is.EqualTo(DecoderBytes(firstRun)));
            Assert.That(File.ReadAllBytes(Path.Combine(secondRun, ContractNames.EncoderFileName)),
                Is.EqualTo(File.ReadAllBytes(Path.Combine(firstRun, ContractNames.EncoderFileName))));
        }

        [Test]
        public void InterruptedThenResumedRun_EqualsUninterruptedRunExactly()
        {
            Assert.That(interruptedResult.Completed, Is.False, "the cancellation after epoch 2 did not stop the run");
            Assert.That(interruptedResult.State.Epoch, Is.EqualTo(2));
            Assert.That(DecoderBytes(resumedRun), Is.EqualTo(DecoderBytes(firstRun)));
            Assert.That(File.ReadAllLines(Path.Combine(resumedRun, MetricsLog.FileName)).Length, Is.EqualTo(Epochs));
        }

        [Test]
        public void OutputFolders_HoldNoTemporaryFiles()
        {
            foreach (string folder in new[] { firstRun, secondRun, resumedRun })
            {
                Assert.That(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories), Is.Empty, folder);
                Assert.That(File.Exists(Path.Combine(folder, Checkpoint.FileName)), Is.True, "checkpoint missing in " + folder);
                Assert.That(File.Exists(Path.Combine(folder, ContractNames.DecoderFileName)), Is.True, "decoder missing in " + folder);
            }
        }

        [Test]
        public void ExportedFolder_LoadsAndGeneratesSprites()
        {
            using VaeModel model = VaeModel.Load(firstRun);
            Assert.That(model.LatentSize, Is.EqualTo(TinyModels.LatentSize));
            Assert.That(model.HasEncoder, Is.True);
            Assert.That((model.Contract.Channels, model.Contract.Height, model.Contract.Width), Is.EqualTo((4, 32, 32)));
            Assert.That(model.Contract.DatasetFingerprint, Is.EqualTo(data.Fingerprint));
            byte[] rgba = model.GenerateRgba(3);
            Assert.That(rgba.Length, Is.EqualTo(32 * 32 * 4));
            Assert.That(rgba.Distinct().Count(), Is.GreaterThan(1), "the generated sprite is a single flat value");
        }

        [Test]
        public void SampleCommand_WritesDecodableGridPng()
        {
            string png = Path.Combine(scratch.Path, "grid.png");
            int exit = Trainer.Cli.CommandLine.Run(new[] { "sample", "--model", firstRun, "--count", "6", "--seed", "3", "--out", png });
            Assert.That(exit, Is.EqualTo(0));
            var image = Trainer.Imaging.PngCodec.Decode(File.ReadAllBytes(png), png);
            // 6 sprites -> 3 columns x 2 rows of 32x32 cells scaled 4x, 2 px padding around and between cells.
            Assert.That(image.Width, Is.EqualTo(3 * 128 + 4 * 2));
            Assert.That(image.Height, Is.EqualTo(2 * 128 + 3 * 2));
            uint firstPixel = System.BitConverter.ToUInt32(image.Pixels, 0);
            bool varied = Enumerable.Range(0, image.Width * image.Height).Any(p => System.BitConverter.ToUInt32(image.Pixels, p * 4) != firstPixel);
            Assert.That(varied, Is.True, "every pixel of the grid is the same");
        }
    }
}
