using System.IO;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Authoring;
using VaeProcgen.Generation;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Tests.Authoring
{
    public class LatentMapTests
    {
        [Test]
        public void PcaRecoversTheDominantDirections()
        {
            var random = new DeterministicRandom(4);
            int rows = 500, dim = 5;
            var data = new float[rows * dim];
            for (int r = 0; r < rows; r++)
            {
                double a = 3 * random.NextNormal(), b = 1.5 * random.NextNormal();
                for (int d = 0; d < dim; d++) data[r * dim + d] = (float)(0.1 * random.NextNormal()) + 2;
                data[r * dim + 1] += (float)(a * 0.6);
                data[r * dim + 2] += (float)(a * 0.8);
                data[r * dim + 4] += (float)b;
            }
            LatentPca pca = LatentPca.Fit(data, rows, dim, 2);
            Assert.That(pca.Mean.All(m => System.Math.Abs(m - 2) < 0.5), Is.True);
            Assert.That(pca.Components[0][1], Is.EqualTo(0.6).Within(0.03));
            Assert.That(pca.Components[0][2], Is.EqualTo(0.8).Within(0.03));
            Assert.That(pca.Components[1][4], Is.EqualTo(1).Within(0.03));
            Assert.That(pca.Variances[0], Is.EqualTo(9).Within(1.5));
            Assert.That(pca.Variances[1], Is.EqualTo(2.25).Within(0.5));
        }

        [Test]
        public void GridRunsFromMinusRangeToRange()
        {
            float[] grid = LatentGrid.Build(new float[3], LatentGrid.Axis(3, 0), LatentGrid.Axis(3, 2), 2, 3);
            Assert.That(grid.Take(3), Is.EqualTo(new[] { -2f, 0, -2 }));
            Assert.That(grid.Skip(4 * 3).Take(3), Is.EqualTo(new[] { 0f, 0, 0 }));
            Assert.That(grid.Skip(8 * 3).Take(3), Is.EqualTo(new[] { 2f, 0, 2 }));
        }

        [Test]
        public void TraverseWritesDimsAndPcaMaps()
        {
            using var scratch = new ScratchFolder();
            string dims = Path.Combine(scratch.Path, "dims.png");
            var (exit, _, error) = CliRun.Run("traverse", "--model", AuthoringModels.Unconditional, "--dims", "0,3", "--steps", "5", "--out", dims);
            Assert.That(exit, Is.EqualTo(0), error);
            RgbaImage image = PngCodec.Decode(File.ReadAllBytes(dims), dims);
            Assert.That(image.Width, Is.EqualTo(5 * 64 + 6 * 2));

            string data = AuthoringModels.WriteFolder(AuthoringModels.HeldOut(), Path.Combine(scratch.Path, "data"));
            string pca = Path.Combine(scratch.Path, "pca.png");
            (exit, _, error) = CliRun.Run("traverse", "--model", AuthoringModels.Unconditional, "--pca", "--data", data, "--steps", "4", "--out", pca);
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(File.Exists(pca), Is.True);

            (exit, _, error) = CliRun.Run("traverse", "--model", AuthoringModels.Unconditional, "--dims", "0,99", "--out", pca);
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("--dims"));
        }
    }
}
