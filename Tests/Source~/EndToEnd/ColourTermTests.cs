using NUnit.Framework;
using VaeProcgen.Trainer.Training;
using static TorchSharp.torch;

namespace VaeProcgen.Tests.EndToEnd
{
    /// <summary>The colour term of sprite training (<see cref="VaeLoss.ColourError"/>) against values worked out by hand.</summary>
    [TestFixture]
    public class ColourTermTests
    {
        /// <summary>A 1 x 4 x 1 x 2 RGBA batch: two pixels given as (r, g, b, a).</summary>
        private static Tensor Pixels(params (double R, double G, double B, double A)[] pixels)
        {
            var values = new float[4 * pixels.Length];
            for (int i = 0; i < pixels.Length; i++)
            {
                values[0 * pixels.Length + i] = (float)pixels[i].R;
                values[1 * pixels.Length + i] = (float)pixels[i].G;
                values[2 * pixels.Length + i] = (float)pixels[i].B;
                values[3 * pixels.Length + i] = (float)pixels[i].A;
            }
            return tensor(values).view(1, 4, 1, pixels.Length);
        }

        [Test]
        public void GreyDecodedForDarkGreen_CostsTheOpponentChannelErrorTimesAlpha()
        {
            using var scope = NewDisposeScope();
            Tensor target = Pixels((0.1, 0.3, 0.15, 1.0), (0.5, 0.5, 0.5, 0.5));
            Tensor decoded = Pixels((0.25, 0.25, 0.25, 0), (0.7, 0.5, 0.5, 0));
            double error = VaeLoss.ColourError(decoded, target).item<float>();
            // Pixel 1: difference (0.15, -0.05, 0.10): rg 0.20, yb 0.05 - 0.10 = -0.05, alpha 1.
            // Pixel 2: difference (0.2, 0, 0): rg 0.2, yb 0.1, alpha 0.5.
            double expected = (0.20 * 0.20 + 0.05 * 0.05) + 0.5 * (0.2 * 0.2 + 0.1 * 0.1);
            Assert.That(error, Is.EqualTo(expected).Within(1e-5));
        }

        [Test]
        public void TransparentPixelsAndExactColours_CostNothing()
        {
            using var scope = NewDisposeScope();
            Tensor target = Pixels((0.9, 0.1, 0.1, 0.0), (0.2, 0.6, 0.3, 1.0));
            Tensor decoded = Pixels((0.1, 0.9, 0.5, 0), (0.2, 0.6, 0.3, 0));
            Assert.That(VaeLoss.ColourError(decoded, target).item<float>(), Is.EqualTo(0).Within(1e-6));
        }

        [Test]
        public void ABrightnessChangeAlone_CostsNothing()
        {
            using var scope = NewDisposeScope();
            Tensor target = Pixels((0.5, 0.5, 0.5, 1.0));
            Tensor decoded = Pixels((0.3, 0.3, 0.3, 0));
            Assert.That(VaeLoss.ColourError(decoded, target).item<float>(), Is.EqualTo(0).Within(1e-6), "grey to darker grey keeps the hue");
        }
    }
}
