using System.Linq;
using NUnit.Framework;
using TorchSharp;
using VaeProcgen.Trainer.Training;
using static TorchSharp.torch;

namespace VaeProcgen.Tests.EndToEnd
{
    /// <summary>
    /// The random translation of the images the adversarial term's discriminator scores: each image moves by its own
    /// whole-pixel offset within the limit, keeps its content, lets gradients through, and is left alone at limit 0.
    /// </summary>
    [TestFixture]
    public class DiscriminatorShiftTests
    {
        private const int Size = 32;
        private const int Centre = 16;
        private const int Limit = 3;
        private const int Images = 256;

        /// <summary>Images that are transparent except for one pixel of value 1 + i / 1000 (image i) at the centre of plane 1.</summary>
        private static Tensor CentreDots()
        {
            Tensor images = zeros(Images, 4, Size, Size);
            for (int i = 0; i < Images; i++) images[i, 1, Centre, Centre] = tensor(1f + i / 1000f);
            return images;
        }

        [Test]
        public void EveryImageMovesByItsOwnOffsetWithinTheLimit_AndKeepsItsContent()
        {
            manual_seed(5);
            using var scope = NewDisposeScope();
            Tensor moved = PatchDiscriminator.RandomlyShifted(CentreDots(), Limit);
            Assert.That(moved.shape, Is.EqualTo(new long[] { Images, 4, Size, Size }));
            var rowOffsets = new int[Images];
            var columnOffsets = new int[Images];
            for (int i = 0; i < Images; i++)
            {
                Tensor nonZero = moved[i].nonzero();
                Assert.That(nonZero.shape[0], Is.EqualTo(1), $"image {i} should still hold exactly one lit pixel");
                long[] at = nonZero[0].data<long>().ToArray();
                Assert.That(at[0], Is.EqualTo(1), "the pixel left its plane");
                rowOffsets[i] = (int)at[1] - Centre;
                columnOffsets[i] = (int)at[2] - Centre;
                Assert.That(moved[i, 1, at[1], at[2]].item<float>(), Is.EqualTo(1f + i / 1000f).Within(1e-6f), $"image {i} got another image's content");
            }
            Assert.That(rowOffsets.Concat(columnOffsets), Is.All.InRange(-Limit, Limit));
            Assert.That(rowOffsets.Distinct().Count(), Is.EqualTo(2 * Limit + 1), "over 256 images every row offset should occur");
            Assert.That(columnOffsets.Distinct().Count(), Is.EqualTo(2 * Limit + 1), "over 256 images every column offset should occur");
            Assert.That(Enumerable.Range(0, Images).Count(i => rowOffsets[i] == columnOffsets[i]), Is.LessThan(Images / 2), "rows and columns should move independently");
        }

        [Test]
        public void GradientsReachEveryPixelThatStaysInside_AndNoOther()
        {
            manual_seed(6);
            using var scope = NewDisposeScope();
            Tensor images = CentreDots().requires_grad_(true);
            PatchDiscriminator.RandomlyShifted(images, Limit).sum().backward();
            Tensor grad = images.grad!;
            Assert.That(grad[.., 1, Centre, Centre].min().item<float>(), Is.EqualTo(1f).Within(1e-6f), "the centre stays inside, so its gradient should be 1");
            Assert.That(((grad == 0) | (grad == 1)).all().item<bool>(), Is.True, "every pixel should count once (inside) or not at all (moved out)");
            double kept = grad.sum().item<float>() / (Images * 4.0 * Size * Size);
            Assert.That(kept, Is.InRange(((Size - Limit) / (double)Size) * ((Size - Limit) / (double)Size), 1.0 - 1e-9), "more pixels were lost than the largest shift can push out");
        }

        [Test]
        public void LimitZero_LeavesTheImagesAlone()
        {
            using var scope = NewDisposeScope();
            Tensor images = CentreDots();
            Assert.That(ReferenceEquals(PatchDiscriminator.RandomlyShifted(images, 0), images), Is.True);
        }
    }
}
