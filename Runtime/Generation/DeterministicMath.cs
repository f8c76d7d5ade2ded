using System;

namespace VaeProcgen.Generation
{
    /// <summary>
    /// Math functions computed with +, -, *, / and bit manipulation only, so their results are identical on
    /// every platform (the C library's log/sin may differ in the last bit between platforms).
    /// </summary>
    internal static class DeterministicMath
    {
        private const double Ln2 = 0.6931471805599453;
        private const double Sqrt2 = 1.4142135623730951;

        /// <summary>Natural logarithm of a positive finite number (relative error below 1e-15).</summary>
        public static double Log(double x)
        {
            if (!(x > 0) || double.IsInfinity(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "Log needs a positive finite number.");
            long bits = BitConverter.DoubleToInt64Bits(x);
            int exponent = (int)((bits >> 52) & 0x7FF);
            if (exponent == 0)
            {
                return Log(x * 4503599627370496.0) - 52 * Ln2;
            }
            exponent -= 1023;
            double mantissa = BitConverter.Int64BitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
            if (mantissa > Sqrt2)
            {
                mantissa *= 0.5;
                exponent++;
            }
            double f = (mantissa - 1) / (mantissa + 1);
            double f2 = f * f;
            double sum = 0;
            for (int k = 25; k >= 1; k -= 2)
            {
                sum = sum * f2 + 1.0 / k;
            }
            return 2 * f * sum + exponent * Ln2;
        }
    }
}
