using System;
using NUnit.Framework;
using VaeProcgen.Trainer.Training;
using static TorchSharp.torch;

namespace VaeProcgen.Tests.EndToEnd
{
    /// <summary>The recolouring augmentation of sprite training (<see cref="HueRotation"/>).</summary>
    [TestFixture]
    public class HueRotationTests
    {
        [Test]
        public void AThirdOfATurn_CyclesRedToGreenToBlue()
        {
            using var scope = NewDisposeScope();
            Tensor matrix = HueRotation.Matrices(tensor(new[] { (float)(2 * Math.PI / 3) }))[0];
            float[] red = matrix.matmul(tensor(new float[] { 1, 0, 0 })).data<float>().ToArray();
            float[] green = matrix.matmul(tensor(new float[] { 0, 1, 0 })).data<float>().ToArray();
            Assert.That(red, Is.EqualTo(new float[] { 0, 1, 0 }).Within(1e-5f));
            Assert.That(green, Is.EqualTo(new float[] { 0, 0, 1 }).Within(1e-5f));
            Tensor none = HueRotation.Matrices(tensor(new[] { 0f }))[0];
            Assert.That(none.data<float>().ToArray(), Is.EqualTo(new float[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 }).Within(1e-6f));
        }

        [Test]
        public void Apply_KeepsAlphaGreysAndBrightness_AndChangesHues()
        {
            using var scope = NewDisposeScope();
            manual_seed(5);
            // 64 items of 2 pixels: a mid-saturated orange and a grey, alpha 0.6 and 1.
            var values = new float[64 * 4 * 2];
            for (int n = 0; n < 64; n++)
            {
                float[] item = { 0.7f, 0.4f, 0.5f, 0.4f, 0.3f, 0.4f, 0.6f, 1f }; // planar R, G, B, A of the two pixels
                Array.Copy(item, 0, values, n * 8, 8);
            }
            Tensor batch = tensor(values).view(64, 4, 1, 2);
            Tensor result = HueRotation.Apply(batch, 0.5);
            Assert.That(result[.., 3].eq(batch[.., 3]).all().item<bool>(), Is.True, "alpha");
            Assert.That(result[.., .., .., 1].allclose(batch[.., .., .., 1], atol: 1e-5), Is.True, "a grey pixel stays grey");
            Assert.That(result[.., ..3].mean(new long[] { 1 }).allclose(batch[.., ..3].mean(new long[] { 1 }), atol: 1e-5), Is.True, "the mean of R, G and B is kept (no value left [0, 1] here)");
            long changed = (result - batch).abs().amax(new long[] { 1, 2, 3 }).gt(1e-3).sum().item<long>();
            Assert.That(changed, Is.InRange(20, 44), "about half of 64 items recoloured");
            Assert.That(HueRotation.Apply(batch, 0).eq(batch).all().item<bool>(), Is.True, "fraction 0 changes nothing");
        }
    }
}
