namespace VaeProcgen.Trainer.Data
{
    /// <summary>
    /// SplitMix64 pseudo-random generator: tiny, fully specified, so seeded results are identical on every
    /// runtime and OS (unlike System.Random, whose algorithm is an implementation detail).
    /// </summary>
    internal sealed class SplitMix64
    {
        private ulong _state;

        public SplitMix64(ulong seed) => _state = seed;

        public ulong NextUInt64()
        {
            _state += 0x9E3779B97F4A7C15UL;
            ulong z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>A value in [0, exclusiveMax); the modulo bias is negligible for dataset sizes.</summary>
        public int NextBelow(int exclusiveMax) => (int)(NextUInt64() % (ulong)exclusiveMax);
    }
}
