using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace VaeProcgen.Trainer
{
    /// <summary>
    /// Keeps libtorch's large tensor buffers (up to 32 MiB) on the C heap and the freed heap in the process, so a training
    /// step reuses memory it has already touched instead of mapping fresh pages from the kernel and faulting them in
    /// (glibc's default serves such blocks with mmap and returns them on free). Measured on this project's 2-core machine:
    /// a third of the page faults and about half the time spent in the kernel; see README, Performance.
    /// Runs once when the trainer assembly loads; does nothing where the C library has no glibc <c>mallopt</c>, or when
    /// the user set glibc's own MALLOC_MMAP_THRESHOLD_ or MALLOC_TRIM_THRESHOLD_.
    /// </summary>
    internal static class NativeHeapTuning
    {
        private const int TrimThresholdParameter = -1;
        private const int MmapThresholdParameter = -3;
        /// <summary>glibc's largest accepted mmap threshold on 64-bit systems.</summary>
        private const int LargestMmapThreshold = 32 * 1024 * 1024;

        [ModuleInitializer]
        internal static void KeepTensorBuffersOnTheHeap()
        {
            if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") != null
                || Environment.GetEnvironmentVariable("MALLOC_TRIM_THRESHOLD_") != null)
            {
                return;
            }
            try
            {
                SetMallocOption(MmapThresholdParameter, LargestMmapThreshold);
                SetMallocOption(TrimThresholdParameter, int.MaxValue);
            }
            catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
            {
                // Not glibc (for example musl): keep the allocator's defaults.
            }
        }

        [DllImport("libc", EntryPoint = "mallopt")]
        private static extern int SetMallocOption(int parameter, int value);
    }
}
