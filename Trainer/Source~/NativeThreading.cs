using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace VaeProcgen.Trainer
{
    /// <summary>
    /// Makes libtorch's OpenMP threads sleep instead of spin-wait between parallel regions
    /// (OMP_WAIT_POLICY=PASSIVE) unless the user chose a policy. Measured on this project's 2-core machine:
    /// with other processes busy, spinning threads cut training throughput about 5x; see README.
    /// Runs once when the trainer assembly loads, before libtorch (and its libgomp) is loaded.
    /// </summary>
    internal static class NativeThreading
    {
        [ModuleInitializer]
        internal static void PreferPassiveOpenMpThreads()
        {
            if (Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") != null || !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
            {
                return;
            }
            try
            {
                SetEnvironment("OMP_WAIT_POLICY", "PASSIVE", 0);
            }
            catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
            {
                // No C library setenv: keep the OpenMP default.
            }
        }

        [DllImport("libc", EntryPoint = "setenv")]
        private static extern int SetEnvironment(string name, string value, int overwrite);
    }
}
