using System;

namespace VaeProcgen.Generation
{
    /// <summary>Variations of an encoded item: move its posterior mean along a seeded noise direction. Thread-safe.</summary>
    internal static class LatentVariation
    {
        /// <summary>
        /// destination[k] = mean[k] + strength * sigma[k] * noise[k], with sigma = exp(logVariance / 2).
        /// Strength 0 gives the mean itself; 1 samples from the encoder's posterior when noise is standard normal
        /// (e.g. <see cref="LatentSampler.Sample"/> of a seed).
        /// </summary>
        public static void Perturb(ReadOnlySpan<float> mean, ReadOnlySpan<float> logVariance, ReadOnlySpan<float> noise, float strength, Span<float> destination)
        {
            if (logVariance.Length != mean.Length || noise.Length != mean.Length)
            {
                throw new ArgumentException($"Mean ({mean.Length}), log-variance ({logVariance.Length}) and noise ({noise.Length}) must have the same length.");
            }
            if (destination.Length < mean.Length) throw new ArgumentException($"Destination holds {destination.Length} values; {mean.Length} are needed.", nameof(destination));
            if (float.IsNaN(strength) || float.IsInfinity(strength) || strength < 0f)
            {
                throw new ArgumentOutOfRangeException(nameof(strength), strength, "Strength must be finite and not negative.");
            }
            for (int k = 0; k < mean.Length; k++)
            {
                destination[k] = mean[k] + strength * (float)Math.Exp(0.5 * logVariance[k]) * noise[k];
            }
        }
    }
}
