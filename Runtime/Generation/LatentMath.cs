using System;

namespace VaeProcgen.Generation
{
    /// <summary>Operations on latent vectors. Pure functions; thread-safe.</summary>
    public static class LatentMath
    {
        /// <summary>
        /// Interpolates between <paramref name="a"/> and <paramref name="b"/> at <paramref name="t"/> (0 gives a, 1 gives b)
        /// into <paramref name="destination"/>. Spherical mode falls back to linear for (nearly) parallel vectors.
        /// </summary>
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
        public static float[] Interpolate(float[] a, float[] b, float t, InterpolationMode mode = InterpolationMode.Spherical)
        {
            var result = new float[a.Length];
            Interpolate(a, b, t, mode, result);
            return result;
        }
    }
}
