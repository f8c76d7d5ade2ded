namespace VaeProcgen.Generation
{
    /// <summary>
    /// The runtime's own specified pseudo-random generator, so a seed gives the same numbers on every
    /// platform, engine and .NET runtime (System.Random does not promise that). The state advances by the
    /// SplitMix64 sequence (Steele, Lea and Flood 2014): state += 0x9E3779B97F4A7C15, then the output mix.
    /// Normal deviates use the Marsaglia polar method with <see cref="DeterministicMath.Log"/>, which uses only
    /// IEEE-exact operations. Not thread-safe; create one per thread or per request (it is cheap).
    /// </summary>
    internal sealed class DeterministicRandom
    {
        private ulong state;
        private double spareNormal;
        private bool hasSpare;

        /// <summary>Creates a generator for a seed.</summary>
        public DeterministicRandom(long seed)
        {
            state = unchecked((ulong)seed);
        }

        /// <summary>Next 64 random bits.</summary>
        public ulong NextUInt64()
        {
            unchecked
            {
                state += 0x9E3779B97F4A7C15UL;
                ulong z = state;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }

        /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

        /// <summary>Uniform integer in [0, exclusiveMax) (exclusiveMax must be positive).</summary>
        public int NextInt(int exclusiveMax) => (int)((NextUInt64() >> 33) % (ulong)exclusiveMax);

        /// <summary>Standard normal deviate.</summary>
        public double NextNormal()
        {
            if (hasSpare)
            {
                hasSpare = false;
                return spareNormal;
            }
            while (true)
            {
                double u = 2 * NextDouble() - 1;
                double v = 2 * NextDouble() - 1;
                double s = u * u + v * v;
                if (s >= 1 || s == 0) continue;
                double factor = System.Math.Sqrt(-2 * DeterministicMath.Log(s) / s);
                spareNormal = v * factor;
                hasSpare = true;
                return u * factor;
            }
        }
    }
}
