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
        public static float[] Axis(int latentSize, int index)
        {
            if (index < 0 || index >= latentSize) throw new ArgumentOutOfRangeException(nameof(index), index, $"Latent dimension must be 0..{latentSize - 1}.");
            var axis = new float[latentSize];
            axis[index] = 1;
            return axis;
        }
    }
}
