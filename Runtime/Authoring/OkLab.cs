using System;

namespace VaeProcgen.Authoring
{
    /// <summary>
    /// Converts 8-bit sRGB colours to the OKLab perceptual colour space (Björn Ottosson, 2020), where
    /// Euclidean distance approximates perceived colour difference. Thread-safe (stateless).
    /// </summary>
    internal static class OkLab
    {
        /// <summary>OKLab (L, a, b) of an sRGB colour given as bytes.</summary>
        public static (double L, double A, double B) FromSrgb(byte r, byte g, byte b)
        {
            double lr = Linear(r), lg = Linear(g), lb = Linear(b);
            double l = Cbrt(0.4122214708 * lr + 0.5363325363 * lg + 0.0514459929 * lb);
            double m = Cbrt(0.2119034982 * lr + 0.6806995451 * lg + 0.1073969566 * lb);
            double s = Cbrt(0.0883024619 * lr + 0.2817188376 * lg + 0.6299787005 * lb);
            return (
                0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
                1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
                0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s);
        }

        /// <summary>OKLab of a colour stored as 0xRRGGBBAA (alpha ignored).</summary>
        public static (double L, double A, double B) FromRgba32(uint colour) =>
            FromSrgb((byte)(colour >> 24), (byte)(colour >> 16), (byte)(colour >> 8));

        /// <summary>
        /// Index of the entry of <paramref name="table"/> nearest to sRGB (r, g, b) (squared Euclidean distance in OKLab; ties:
        /// lowest index), skipping entries marked in <paramref name="excluded"/> (null: none); -1 when every entry is skipped.
        /// </summary>
        public static int Nearest((double L, double A, double B)[] table, byte r, byte g, byte b, bool[]? excluded = null)
        {
            var (l, a, bb) = FromSrgb(r, g, b);
            int best = -1;
            double bestDistance = double.MaxValue;
            for (int i = 0; i < table.Length; i++)
            {
                if (excluded != null && excluded[i]) continue;
                double d = SquaredDistance(table[i], (l, a, bb));
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = i;
                }
            }
            return best;
        }

        /// <summary>Squared Euclidean distance between two OKLab colours.</summary>
        public static double SquaredDistance((double L, double A, double B) x, (double L, double A, double B) y)
        {
            double dl = x.L - y.L, da = x.A - y.A, db = x.B - y.B;
            return dl * dl + da * da + db * db;
        }

        private static double Linear(byte channel)
        {
            double c = channel / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        private static double Cbrt(double v) => v < 0 ? -Math.Pow(-v, 1.0 / 3.0) : Math.Pow(v, 1.0 / 3.0);
    }
}
