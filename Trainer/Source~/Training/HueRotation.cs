using System;
using static TorchSharp.torch;

namespace VaeProcgen.Trainer.Training
{
    /// <summary>
    /// Recolours RGBA sprite batches by rotating each pixel's colour around the grey axis (1, 1, 1): greys stay grey, the
    /// mean of R, G and B stays, the hue turns by the angle. Values leaving [0, 1] are clamped. Draws from libtorch's
    /// generator, so it is seeded with the training step like the rest of the step's noise.
    /// </summary>
    internal static class HueRotation
    {
        /// <summary>
        /// A copy of <paramref name="batch"/> [N, 4, H, W] (straight alpha in [0, 1]) in which a random <paramref name="fraction"/>
        /// of the items have their RGB rotated by a uniform random angle; alpha is unchanged.
        /// </summary>
        public static Tensor Apply(Tensor batch, double fraction)
        {
            using var scope = NewDisposeScope();
            long n = batch.shape[0], h = batch.shape[2], w = batch.shape[3];
            Tensor angle = rand(n) * (2 * Math.PI) * (rand(n) < fraction).to_type(ScalarType.Float32);
            Tensor rgb = batch.narrow(1, 0, 3).reshape(n, 3, h * w);
            Tensor rotated = bmm(Matrices(angle), rgb).clamp(0, 1).reshape(n, 3, h, w);
            return cat(new[] { rotated, batch.narrow(1, 3, batch.shape[1] - 3) }, 1).MoveToOuterDisposeScope();
        }

        /// <summary>Rotation matrices [N, 3, 3] about the unit grey axis: cos(a) I + (1 - cos(a)) / 3 ones + sin(a) / sqrt(3) K, K the cross-product matrix of (1, 1, 1).</summary>
        public static Tensor Matrices(Tensor angle)
        {
            using var scope = NewDisposeScope();
            Tensor identity = eye(3).unsqueeze(0);
            Tensor ones = full(1, 3, 3, 1f / 3f);
            Tensor cross = tensor(new float[] { 0, -1, 1, 1, 0, -1, -1, 1, 0 }).view(1, 3, 3);
            Tensor cos = angle.cos().view(-1, 1, 1), sin = angle.sin().view(-1, 1, 1);
            return (cos * identity + (1 - cos) * ones + sin * (float)(1 / Math.Sqrt(3)) * cross).MoveToOuterDisposeScope();
        }
    }
}
