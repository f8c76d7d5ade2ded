using NUnit.Framework;
using VaeProcgen.Trainer.Training;
using static TorchSharp.torch;

namespace VaeProcgen.Tests.EndToEnd
{
    /// <summary>The local-contrast term of sprite training (<see cref="VaeLoss.LocalContrastMismatch"/>) against values worked out by hand.</summary>
    [TestFixture]
    public class LocalContrastTermTests
    {
        /// <summary>A 1 x 4 x side x side RGBA sprite, transparent but for opaque white pixels at the given (row, column)s.</summary>
        private static Tensor WhitePixels(int side, params (int Row, int Column)[] pixels)
        {
            Tensor sprite = zeros(1, 4, side, side);
            foreach (var (row, column) in pixels) sprite[0, .., row, column] = tensor(1f);
            return sprite;
        }

        [Test]
        public void OnePixelAgainstNone_CostsItsFourNeighbourStepsPerChannel()
        {
            using var scope = NewDisposeScope();
            Tensor target = WhitePixels(4, (1, 1));
            Tensor decoded = zeros(1, 4, 4, 4);
            // Across: steps of 1 into and out of the pixel, in each of the 4 premultiplied channels, averaged over the
            // 16 values of the one 4x4 window: 4 * 2 / 16 = 0.5. Down: the same.
            Assert.That(VaeLoss.LocalContrastMismatch(decoded, target).item<float>(), Is.EqualTo(1.0).Within(1e-6));
        }

        [Test]
        public void DetailMovedOutOfEveryWindow_CostsItTwice_MovedByOnePixel_CostsLess()
        {
            using var scope = NewDisposeScope();
            Tensor target = WhitePixels(16, (5, 5));
            // Every step of an inner pixel lies in 16 windows that each count it 1/16: its four steps in four channels
            // sum to 16, and no window holds both (5, 5) and (10, 10), so each side's 16 is unmatched.
            Assert.That(VaeLoss.LocalContrastMismatch(WhitePixels(16, (10, 10)), target).item<float>(), Is.EqualTo(32.0).Within(1e-4));
            double nearby = VaeLoss.LocalContrastMismatch(WhitePixels(16, (6, 6)), target).item<float>();
            Assert.That(nearby, Is.GreaterThan(0).And.LessThan(16.0), "a detail one pixel off should still count as mostly in place");
            Assert.That(VaeLoss.LocalContrastMismatch(target, target).item<float>(), Is.EqualTo(0).Within(1e-6));
        }

        [Test]
        public void TransparentColour_HasNoContrast()
        {
            using var scope = NewDisposeScope();
            Tensor target = zeros(1, 4, 4, 4);
            target[0, 0, 1, 1] = tensor(1f);
            Assert.That(VaeLoss.LocalContrastMismatch(zeros(1, 4, 4, 4), target).item<float>(), Is.EqualTo(0).Within(1e-6), "a red pixel with alpha 0 is premultiplied away");
        }
    }
}
