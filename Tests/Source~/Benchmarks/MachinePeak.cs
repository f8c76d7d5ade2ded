using System;
using System.Globalization;
using System.IO;
using System.Runtime.Intrinsics.X86;

namespace VaeProcgen.Benchmarks
{
    /// <summary>
    /// The theoretical single-precision FMA peak of the threads the benchmarks use: threads x clock x 2 FMA pipes x
    /// lanes of the widest vector the CPU reports (16 with AVX-512, 8 with AVX2 + FMA, else 4) x 2 FLOPs. Nominal:
    /// cores that split 512-bit operations in two (AMD Zen 4) or lower their clock under vector load reach less.
    /// </summary>
    internal static class MachinePeak
    {
        /// <summary>
        /// Float lanes of the widest FMA vector the CPU has, from /proc/cpuinfo's flags (the hardware, not what this
        /// process may use: DOTNET_EnableHWIntrinsic=0 hides the intrinsics but not the machine's peak).
        /// </summary>
        public static int Lanes
        {
            get
            {
                string flags = ReadFlags();
                if (flags.Length == 0) return Avx512F.IsSupported ? 16 : Fma.IsSupported ? 8 : 4;
                return flags.Contains(" avx512f ") ? 16 : flags.Contains(" fma ") && flags.Contains(" avx2 ") ? 8 : 4;
            }
        }

        private static string ReadFlags()
        {
            try
            {
                foreach (string line in File.ReadLines("/proc/cpuinfo"))
                    if (line.StartsWith("flags", StringComparison.Ordinal)) return " " + line.Substring(line.IndexOf(':') + 1).Trim() + " ";
            }
            catch (IOException)
            {
            }
            return "";
        }

        /// <summary>The highest clock the OS reports (cpufreq maximum, else /proc/cpuinfo), in GHz; null when unknown.</summary>
        public static double? ClockGhz()
        {
            try
            {
                const string max = "/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq";
                if (File.Exists(max)) return double.Parse(File.ReadAllText(max).Trim(), CultureInfo.InvariantCulture) / 1e6;
                double best = 0;
                foreach (string line in File.ReadLines("/proc/cpuinfo"))
                {
                    if (!line.StartsWith("cpu MHz", StringComparison.Ordinal)) continue;
                    best = Math.Max(best, double.Parse(line.Substring(line.IndexOf(':') + 1).Trim(), CultureInfo.InvariantCulture));
                }
                return best > 0 ? best / 1000 : (double?)null;
            }
            catch (IOException)
            {
                return null;
            }
        }

        /// <summary>GFLOP/s, or null when the clock is unknown.</summary>
        public static double? Gflops(int threads) => ClockGhz() is double ghz ? threads * ghz * 2 * Lanes * 2 : (double?)null;
    }
}
