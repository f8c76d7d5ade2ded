using System;

namespace VaeProcgen.Generation
{
    /// <summary>
    /// Draws latents from the standard normal prior with <see cref="DeterministicRandom"/>: the latent of
    /// seed s is the first K normal deviates of DeterministicRandom(s), identical on every platform. A batch
    /// starting at seed s holds the latents of seeds s, s+1, ... so a sprite does not depend on batch size.
    /// Thread-safe (stateless).
    /// </summary>
    internal static class LatentSampler
    {
        /// <summary>Writes the latent of <paramref name="seed"/> (destination.Length values).</summary>
        public static void Sample(long seed, Span<float> destination)
        {
            var random = new DeterministicRandom(seed);
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = (float)random.NextNormal();
            }
        }

        /// <summary>Writes <paramref name="count"/> latents of size <paramref name="latentSize"/> for seeds firstSeed, firstSeed+1, ...</summary>
        public static void SampleBatch(long firstSeed, int count, int latentSize, Span<float> destination)
        {
            if (destination.Length < count * latentSize)
            {
                throw new ArgumentException($"Destination holds {destination.Length} values but {count} x {latentSize} are needed.", nameof(destination));
            }
            for (int n = 0; n < count; n++)
            {
                Sample(unchecked(firstSeed + n), destination.Slice(n * latentSize, latentSize));
            }
        }
    }
}
