using System;

namespace VaeProcgen.Generation
{
    /// <summary>Operations on latent vectors. Pure functions; thread-safe.</summary>
    public static class LatentMath
    {
        /// <summary>
        /// Interpolates between <paramref name="a"/> and <paramref name="b"/> at <paramref name="t"/> (0 gives a, 1 gives b)
        /// into <paramref name="destination"/>. Spherical mode falls back to linear for (nearly) parallel vectors. Allocates nothing.
        /// </summary>
        /// <param name="a">The latent at t = 0 (e.g. <see cref="VaeModel.SampleLatent(long, int)"/> or an encoder mean).</param>
        /// <param name="b">The latent at t = 1, the same length as <paramref name="a"/>.</param>
        /// <param name="t">Position between the two: 0 gives a, 1 gives b; values outside [0, 1] extrapolate.</param>
        /// <param name="mode">Spherical (slerp, keeps latents at the prior's typical radius) or linear.</param>
        /// <param name="destination">Receives the interpolated latent (at least as long as <paramref name="a"/>).</param>
        /// <exception cref="ArgumentException">The latents differ in length or <paramref name="destination"/> is too short.</exception>
        public static void Interpolate(ReadOnlySpan<float> a, ReadOnlySpan<float> b, float t, InterpolationMode mode, Span<float> destination)
        {
            if (a.Length != b.Length) throw new ArgumentException($"Latents differ in length: a has {a.Length}, b has {b.Length}.", nameof(b));
            if (destination.Length < a.Length) throw new ArgumentException($"Destination holds {destination.Length} values but {a.Length} are needed.", nameof(destination));
            double wa = 1 - t, wb = t;
            if (mode == InterpolationMode.Spherical)
            {
                double dot = 0, na = 0, nb = 0;
                for (int i = 0; i < a.Length; i++)
                {
                    dot += (double)a[i] * b[i];
                    na += (double)a[i] * a[i];
                    nb += (double)b[i] * b[i];
                }
                double cos = na > 0 && nb > 0 ? dot / Math.Sqrt(na * nb) : 1;
                cos = Math.Max(-1, Math.Min(1, cos));
                double omega = Math.Acos(cos);
                double sin = Math.Sin(omega);
                if (sin > 1e-6)
                {
                    wa = Math.Sin((1 - t) * omega) / sin;
                    wb = Math.Sin(t * omega) / sin;
                }
            }
            for (int i = 0; i < a.Length; i++)
            {
                destination[i] = (float)(wa * a[i] + wb * b[i]);
            }
        }

        /// <summary>Allocating convenience overload of <see cref="Interpolate(ReadOnlySpan{float}, ReadOnlySpan{float}, float, InterpolationMode, Span{float})"/>.</summary>
        /// <param name="a">The latent at t = 0.</param>
        /// <param name="b">The latent at t = 1, the same length as <paramref name="a"/>.</param>
        /// <param name="t">Position between the two: 0 gives a, 1 gives b.</param>
        /// <param name="mode">Spherical (slerp, the default) or linear.</param>
        /// <returns>A new latent of the length of <paramref name="a"/>.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="a"/> or <paramref name="b"/> is null.</exception>
        /// <exception cref="ArgumentException">The latents differ in length.</exception>
        public static float[] Interpolate(float[] a, float[] b, float t, InterpolationMode mode = InterpolationMode.Spherical)
        {
            if (a == null) throw new ArgumentNullException(nameof(a));
            if (b == null) throw new ArgumentNullException(nameof(b));
            var result = new float[a.Length];
            Interpolate(a, b, t, mode, result);
            return result;
        }
    }
}
