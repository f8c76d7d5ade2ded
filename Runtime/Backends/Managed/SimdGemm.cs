using System;
using System.Numerics;

namespace VaeProcgen.Backends.Managed
{
    /// <summary>
    /// Single-precision GEMM on System.Numerics.Vector: C (M x N) = A (M x K) * B (K x N), where B is packed
    /// into panels of <see cref="PanelWidth"/> columns (k-major inside a panel, zero-padded at the tail).
    /// Every C element is the sum over k = 0..K-1 in order, accumulated as acc = acc + a*b (separately rounded
    /// multiply and add, never fused), so the result does not depend on tiling or on the thread partition.
    /// A is read through strides, so a transposed A costs nothing extra.
    /// </summary>
    internal static unsafe class SimdGemm
    {
        public const int RowBlock = 4;

        /// <summary>
        /// Columns per packed panel: two vectors wide for the vector kernels, a multiple of the scalar kernel's four
        /// columns in any case. Fixed for the process, so panels packed once stay valid whichever kernel path runs.
        /// </summary>
        public static readonly int PanelWidth = Vector.IsHardwareAccelerated ? 2 * Vector<float>.Count : 8;

        public static int PanelCount(int n) => (n + PanelWidth - 1) / PanelWidth;

        public static int PackedLength(int k, int n) => PanelCount(n) * PanelWidth * k;

        /// <summary>Packs B where element (kk, j) is at src[kk*rowStride + j*colStride]. Padding lanes must already be zero in <paramref name="packed"/>.</summary>
        public static void PackB(ReadOnlySpan<float> src, int k, int n, int rowStride, int colStride, Span<float> packed)
        {
            int width = PanelWidth;
            for (int j = 0; j < n; j++)
            {
                int panelBase = (j / width) * width * k + (j % width);
                int s = j * colStride;
                for (int kk = 0; kk < k; kk++) packed[panelBase + kk * width] = src[s + kk * rowStride];
            }
        }

        /// <summary>Number of independent work items (row block x panel) for the threaded driver.</summary>
        public static int WorkItems(int m, int n) => ((m + RowBlock - 1) / RowBlock) * PanelCount(n);

        /// <summary>
        /// Computes work items [begin, end) of C = A*B (on <see cref="ScalarGemm"/> when <see cref="KernelPath.Vectorized"/> is false). When <paramref name="rowMajorOrder"/> the items walk all
        /// panels for one row block (A reused from L1), otherwise all row blocks for one panel (B panel reused).
        /// </summary>
        public static void Multiply(float* a, int aRowStride, int aColStride, float* bPacked, float* c, int ldc,
            int m, int n, int k, int begin, int end, bool rowMajorOrder)
        {
            if (!KernelPath.Vectorized)
            {
                ScalarGemm.Multiply(a, aRowStride, aColStride, bPacked, c, ldc, m, n, k, begin, end, rowMajorOrder);
                return;
            }
            int rowBlocks = (m + RowBlock - 1) / RowBlock;
            int panels = PanelCount(n);
            for (int item = begin; item < end; item++)
            {
                int rowBlock, panel;
                if (rowMajorOrder) { rowBlock = item / panels; panel = item % panels; }
                else { panel = item / rowBlocks; rowBlock = item % rowBlocks; }
                int row = rowBlock * RowBlock;
                int rows = Math.Min(RowBlock, m - row);
                int col = panel * PanelWidth;
                int cols = Math.Min(PanelWidth, n - col);
                float* bp = bPacked + (long)panel * PanelWidth * k;
                if (rows == RowBlock)
                {
                    Kernel4(a + (long)row * aRowStride, aRowStride, aColStride, bp, k, c + (long)row * ldc + col, ldc, cols);
                }
                else
                {
                    for (int r = 0; r < rows; r++)
                        Kernel1(a + (long)(row + r) * aRowStride, aColStride, bp, k, c + (long)(row + r) * ldc + col, cols);
                }
            }
        }

        /// <summary>Chooses the item order that streams less memory: A once and B per row block, or B once and A per panel.</summary>
        public static bool PreferRowMajor(int m, int n, int k)
        {
            long aTraffic = (long)m * k;
            long bTraffic = (long)k * PanelCount(n) * PanelWidth;
            long rowMajor = aTraffic + bTraffic * ((m + RowBlock - 1) / RowBlock);
            long panelMajor = bTraffic + aTraffic * PanelCount(n);
            return rowMajor <= panelMajor;
        }

        private static void Kernel4(float* a, int ars, int acs, float* bp, int k, float* c, int ldc, int cols)
        {
            int v = Vector<float>.Count;
            Vector<float> c00 = Vector<float>.Zero, c01 = Vector<float>.Zero;
            Vector<float> c10 = Vector<float>.Zero, c11 = Vector<float>.Zero;
            Vector<float> c20 = Vector<float>.Zero, c21 = Vector<float>.Zero;
            Vector<float> c30 = Vector<float>.Zero, c31 = Vector<float>.Zero;
            float* a0 = a, a1 = a + ars, a2 = a + 2 * ars, a3 = a + 3 * ars;
            int width = 2 * v;
            for (int kk = 0; kk < k; kk++)
            {
                Vector<float> b0 = *(Vector<float>*)bp;
                Vector<float> b1 = *(Vector<float>*)(bp + v);
                bp += width;
                long ak = (long)kk * acs;
                var x = new Vector<float>(a0[ak]);
                c00 += x * b0; c01 += x * b1;
                x = new Vector<float>(a1[ak]);
                c10 += x * b0; c11 += x * b1;
                x = new Vector<float>(a2[ak]);
                c20 += x * b0; c21 += x * b1;
                x = new Vector<float>(a3[ak]);
                c30 += x * b0; c31 += x * b1;
            }
            Store(c, c00, c01, cols);
            Store(c + ldc, c10, c11, cols);
            Store(c + 2 * ldc, c20, c21, cols);
            Store(c + 3 * ldc, c30, c31, cols);
        }

        private static void Kernel1(float* a, int acs, float* bp, int k, float* c, int cols)
        {
            int v = Vector<float>.Count;
            Vector<float> c0 = Vector<float>.Zero, c1 = Vector<float>.Zero;
            int width = 2 * v;
            for (int kk = 0; kk < k; kk++)
            {
                var x = new Vector<float>(a[(long)kk * acs]);
                c0 += x * *(Vector<float>*)bp;
                c1 += x * *(Vector<float>*)(bp + v);
                bp += width;
            }
            Store(c, c0, c1, cols);
        }

        private static void Store(float* c, Vector<float> lo, Vector<float> hi, int cols)
        {
            int v = Vector<float>.Count;
            if (cols == 2 * v)
            {
                *(Vector<float>*)c = lo;
                *(Vector<float>*)(c + v) = hi;
                return;
            }
            for (int j = 0; j < cols; j++) c[j] = j < v ? lo[j] : hi[j - v];
        }
    }
}
