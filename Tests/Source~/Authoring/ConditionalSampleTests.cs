using System.IO;
using NUnit.Framework;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Tests.Authoring
{
    public class ConditionalSampleTests
    {
        [Test]
        public void SampleWithKnownLabelWritesGrid()
        {
            using var scratch = new ScratchFolder();
            string path = Path.Combine(scratch.Path, "potions.png");
            var (exit, _, error) = CliRun.Run("sample", "--model", AuthoringModels.Conditional, "--label", "potion", "--count", "4", "--out", path);
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(File.Exists(path), Is.True);
        }

        [Test]
        public void UnknownLabelIsAUserErrorListingKnownLabels()
        {
            using var scratch = new ScratchFolder();
            var (exit, _, error) = CliRun.Run("sample", "--model", AuthoringModels.Conditional, "--label", "dragon", "--out", Path.Combine(scratch.Path, "x.png"));
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("dragon").And.Contain("potion").And.Contain("ring"));
        }

        [Test]
        public void PerClassWritesOneRowPerLabel()
        {
            using var scratch = new ScratchFolder();
            string path = Path.Combine(scratch.Path, "per-class.png");
            var (exit, _, error) = CliRun.Run("sample", "--model", AuthoringModels.Conditional, "--per-class", "--count", "5", "--out", path, "--pixels", "palette");
            Assert.That(exit, Is.EqualTo(0), error);
            RgbaImage grid = PngCodec.Decode(File.ReadAllBytes(path), path);
            Assert.That(grid.Width, Is.EqualTo(5 * 64 + 6 * 2));
            using VaeModel vae = VaeModel.Load(AuthoringModels.Conditional);
            int rows = vae.Contract.ClassLabels.Count;
            Assert.That(grid.Height, Is.EqualTo(rows * 64 + (rows + 1) * 2));
        }

        [Test]
        public void PerClassOnUnconditionalModelIsAUserError()
        {
            using var scratch = new ScratchFolder();
            var (exit, _, error) = CliRun.Run("sample", "--model", AuthoringModels.Unconditional, "--per-class", "--out", Path.Combine(scratch.Path, "x.png"));
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("--conditional"));
        }
    }
}
