using System;

namespace VaeProcgen.Generation
{
    /// <summary>
    /// How a <see cref="FittedLatentPrior"/> moves the local latent map of a two-level model: one normal draw per local
    /// channel, shared by all its cells, scaled by <see cref="Shift"/> and by how much of each cell the training sprite pins
    /// down (1 - its posterior sigma, 0 when the posterior is the N(0, 1) prior). Independent noise per cell paints a
    /// patchwork over large sprites; a shared shift moves a sprite's colours and shading together and leaves the cells
    /// the sprite does not occupy (its background) where they are. Each draw is clipped to <see cref="DrawLimit"/> standard
    /// deviations: a large shift of every cell can erase a sprite. Immutable and thread-safe.
    /// </summary>
    internal sealed class CoherentLocalNoise
    {
        /// <summary>
        /// Largest channel draw, in standard deviations. Measured on the demo split (256 seeds): unclipped, 14 samples had
        /// fewer than 60 opaque pixels (no training sprite has fewer than 85); clipped at 1.5, 6; at 1, none, but colourfulness
        /// fell from 0.93x to 0.88x (README, Quality).
        /// </summary>
        public const double DrawLimit = 1.5;

        /// <summary>Describes a latent whose first <paramref name="globalDimensions"/> values are global and the rest <paramref name="channels"/> equal channel blocks.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A negative dimension count, fewer than one channel, or a negative or infinite shift.</exception>
        public CoherentLocalNoise(int globalDimensions, int channels, double shift)
        {
            if (globalDimensions < 0) throw new ArgumentOutOfRangeException(nameof(globalDimensions));
            if (channels < 1) throw new ArgumentOutOfRangeException(nameof(channels));
            if (!(shift >= 0) || double.IsInfinity(shift)) throw new ArgumentOutOfRangeException(nameof(shift));
            GlobalDimensions = globalDimensions;
            Channels = channels;
            Shift = shift;
        }

        /// <summary>Leading latent values that are global (sampled per value as usual).</summary>
        public int GlobalDimensions { get; }
        /// <summary>Channels of the local map (each a contiguous block of cells after the global values).</summary>
        public int Channels { get; }
        /// <summary>Standard deviation of each channel's shared shift (before clipping) where the posterior sigma is 0.</summary>
        public double Shift { get; }

        /// <summary>True when the local values of a <paramref name="componentDimensions"/>-value component split into the channels.</summary>
        public bool Fits(int componentDimensions) =>
            GlobalDimensions < componentDimensions && (componentDimensions - GlobalDimensions) % Channels == 0;

        /// <summary>Writes the local values of one component (means and sigmas from <paramref name="offset"/>), one draw per channel.</summary>
        public void Apply(float[] means, float[] sigmas, int offset, int componentDimensions, DeterministicRandom random, double spread, Span<float> destination)
        {
            int cells = (componentDimensions - GlobalDimensions) / Channels;
            for (int channel = 0; channel < Channels; channel++)
            {
                double shift = spread * Shift * Math.Max(-DrawLimit, Math.Min(DrawLimit, random.NextNormal()));
                for (int k = GlobalDimensions + channel * cells, end = k + cells; k < end; k++)
                {
                    destination[k] = (float)(means[offset + k] + shift * Math.Max(0.0, 1.0 - sigmas[offset + k]));
                }
            }
        }
    }
}
