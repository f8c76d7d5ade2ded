using System;

namespace VaeProcgen.Authoring
{
    /// <summary>
    /// Latent maps: a steps x steps grid of latents centre + u * axisU + v * axisV with u (columns) and v (rows)
    /// running evenly from -range to +range. Row-major, top row v = -range.
    /// </summary>
    public static class LatentGrid
    {
        /// <summary>Grid latents [steps*steps*K] around <paramref name="centre"/> along two axes (each length K).</summary>
        /// <param name="centre">The latent at the middle of the map (length K).</param>
        /// <param name="axisU">The direction that varies along a row (columns), length K.</param>
        /// <param name="axisV">The direction that varies down the map (rows), length K.</param>
        /// <param name="range">The map spans -range..+range along each axis.</param>
        /// <param name="steps">Latents per row and per column (at least 2).</param>
        /// <returns>steps x steps latents, row-major, ready for <see cref="VaeModel.DecodeRgba"/>.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="steps"/> is below 2.</exception>
        /// <exception cref="ArgumentException">An axis is not as long as <paramref name="centre"/>.</exception>
        public static float[] Build(ReadOnlySpan<float> centre, ReadOnlySpan<float> axisU, ReadOnlySpan<float> axisV, float range, int steps)
        {
            if (steps < 2) throw new ArgumentOutOfRangeException(nameof(steps), steps, "At least two steps are needed.");
            int k = centre.Length;
            if (axisU.Length != k || axisV.Length != k) throw new ArgumentException("Axes must have the latent size.");
            var latents = new float[steps * steps * k];
            for (int row = 0; row < steps; row++)
            {
                float v = -range + 2 * range * row / (steps - 1);
                for (int col = 0; col < steps; col++)
                {
                    float u = -range + 2 * range * col / (steps - 1);
                    int offset = (row * steps + col) * k;
                    for (int j = 0; j < k; j++) latents[offset + j] = centre[j] + u * axisU[j] + v * axisV[j];
                }
            }
            return latents;
        }

        /// <summary>Unit vector along latent dimension <paramref name="index"/>.</summary>
        /// <param name="latentSize">The latent size K.</param>
        /// <param name="index">The dimension, 0..K-1.</param>
        /// <returns>A new vector of K values, 1 at <paramref name="index"/> and 0 elsewhere.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside 0..K-1.</exception>
        public static float[] Axis(int latentSize, int index)
        {
            if (index < 0 || index >= latentSize) throw new ArgumentOutOfRangeException(nameof(index), index, $"Latent dimension must be 0..{latentSize - 1}.");
            var axis = new float[latentSize];
            axis[index] = 1;
            return axis;
        }
    }
}
