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
            // 16 values of the one 4x4 cell: 4 * 2 / 16 = 0.5. Down: the same.
            Assert.That(VaeLoss.LocalContrastMismatch(decoded, target).item<float>(), Is.EqualTo(1.0).Within(1e-6));
        }

        [Test]
        public void DetailMovedInsideItsCell_CostsNothing_MovedToAnotherCell_CostsBothCells()
        {
            using var scope = NewDisposeScope();
            Tensor target = WhitePixels(8, (1, 1));
            Assert.That(VaeLoss.LocalContrastMismatch(WhitePixels(8, (2, 2)), target).item<float>(), Is.EqualTo(0).Within(1e-6));
            Assert.That(VaeLoss.LocalContrastMismatch(WhitePixels(8, (5, 5)), target).item<float>(), Is.EqualTo(2.0).Within(1e-6));
        }

        [Test]
        public void TransparentColour_HasNoContrast()
        {
            using var scope = NewDisposeScope();
            Tensor target = zeros(1, 4, 4, 4);
            target[0, 0, 1, 1] = tensor(1f);
            Assert.That(VaeLoss.LocalContrastMismatch(zeros(1, 4, 4, 4), target).item<float>(), Is.EqualTo(0).Within(1e-6), "a red pixel with alpha 0 is premultiplied away");
        }

        [Test]
        public void OddSizes_CountThePartialCells()
        {
            using var scope = NewDisposeScope();
            Tensor target = WhitePixels(6, (5, 5));
            Assert.That(VaeLoss.LocalContrastMismatch(zeros(1, 4, 6, 6), target).item<float>(), Is.EqualTo(2 * 4 * 1 / 4.0).Within(1e-6),
                "the corner pixel's cell is 2 x 2 pixels: one step per channel and direction, averaged over its 4 values");
        }
    }
}
