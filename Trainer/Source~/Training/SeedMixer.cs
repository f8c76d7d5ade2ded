namespace VaeProcgen.Trainer.Training
{
    /// <summary>Derives independent, reproducible seeds from a run seed and a counter (SplitMix64 finaliser).</summary>
    public static class SeedMixer
    {
        /// <summary>A well-mixed non-negative 63-bit seed for (seed, stream, counter).</summary>
        public static long Mix(long seed, long stream, long counter)
        {
            unchecked
            {
                ulong x = (ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)stream * 0xC2B2AE3D27D4EB4FUL ^ (ulong)counter * 0x165667B19E3779F9UL;
                x ^= x >> 30;
                x *= 0xBF58476D1CE4E5B9UL;
                x ^= x >> 27;
                x *= 0x94D049BB133111EBUL;
                x ^= x >> 31;
                return (long)(x >> 1);
            }
        }

        /// <summary>A seeded Fisher-Yates permutation of 0..count-1 (same on every platform).</summary>
        public static long[] Permutation(int count, long seed)
        {
            var order = new long[count];
            for (int i = 0; i < count; i++) order[i] = i;
            for (int i = count - 1; i > 0; i--)
            {
                int j = (int)((ulong)Mix(seed, 7, i) % (ulong)(i + 1));
                (order[i], order[j]) = (order[j], order[i]);
            }
            return order;
        }
    }
}
