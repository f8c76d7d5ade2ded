using System;
using System.Runtime.InteropServices;

namespace VaeProcgen.Benchmarks
{
    /// <summary>OpenBLAS's cblas_sgemm through the system library (Debian: libopenblas0-pthread), when it is installed.</summary>
    internal static unsafe class OpenBlas
    {
        private const int RowMajor = 101, NoTrans = 111;
        private static readonly IntPtr Library = Load();
        private static readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> Sgemm =
            Library == IntPtr.Zero ? null : (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)NativeLibrary.GetExport(Library, "cblas_sgemm");
        private static readonly delegate* unmanaged<int, void> SetThreads =
            Library != IntPtr.Zero && NativeLibrary.TryGetExport(Library, "openblas_set_num_threads", out IntPtr f) ? (delegate* unmanaged<int, void>)f : null;

        public static bool IsAvailable => Sgemm != null;

        private static IntPtr Load()
        {
            foreach (string name in new[] { "libopenblas.so.0", "libopenblas.so", "libopenblas" })
                if (NativeLibrary.TryLoad(name, out IntPtr handle)) return handle;
            return IntPtr.Zero;
        }

        /// <summary>c = a * b for row-major n x n matrices.</summary>
        public static void Multiply(float[] a, float[] b, float[] c, int n, int threads)
        {
            if (SetThreads != null) SetThreads(threads);
            fixed (float* pa = a) fixed (float* pb = b) fixed (float* pc = c)
                Sgemm(RowMajor, NoTrans, NoTrans, n, n, n, 1f, pa, n, pb, n, 0f, pc, n);
        }
    }
}
