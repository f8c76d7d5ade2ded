namespace VaeProcgen.Backends.Managed
{
    /// <summary>
    /// The scalar twin of <see cref="SimdGemm"/> for runtimes without hardware SIMD: the same packed B panels and
    /// work items, computed by 2 x 4 register blocks (eight accumulators, few enough that x64's sixteen and ARM64's
    /// thirty-two float registers hold them with the operands, so a JIT, IL2CPP's C++ compiler or an AOT WebAssembly
    /// compiler keeps the inner loop in registers). Each C element is acc = acc + a*b over k in order, exactly like
    /// the vector kernels, so both give bitwise identical results.
    /// </summary>
    internal static unsafe class ScalarGemm
    {
        private const int Columns = 4;

        /// <summary>Same contract as <see cref="SimdGemm.Multiply"/>.</summary>
        public static void Multiply(float* a, int aRowStride, int aColStride, float* bPacked, float* c, int ldc,
            int m, int n, int k, int begin, int end, bool rowMajorOrder)
        {
            int width = SimdGemm.PanelWidth;
            int rowBlocks = (m + SimdGemm.RowBlock - 1) / SimdGemm.RowBlock;
            int panels = SimdGemm.PanelCount(n);
            for (int item = begin; item < end; item++)
            {
                int rowBlock, panel;
                if (rowMajorOrder) { rowBlock = item / panels; panel = item % panels; }
                else { panel = item / rowBlocks; rowBlock = item % rowBlocks; }
                int row = rowBlock * SimdGemm.RowBlock;
                int rowEnd = row + System.Math.Min(SimdGemm.RowBlock, m - row);
                int col = panel * width;
                int cols = System.Math.Min(width, n - col);
                float* bp = bPacked + (long)panel * width * k;
                for (int j = 0; j < cols; j += Columns)
                {
                    int count = System.Math.Min(Columns, cols - j);
                    int r = row;
                    for (; r + 2 <= rowEnd; r += 2)
                        Kernel2x4(a + (long)r * aRowStride, aRowStride, aColStride, bp + j, width, k, c + (long)r * ldc + col + j, ldc, count);
                    if (r < rowEnd)
                        Kernel1x4(a + (long)r * aRowStride, aColStride, bp + j, width, k, c + (long)r * ldc + col + j, count);
                }
            }
        }

        private static void Kernel2x4(float* a, int ars, int acs, float* b, int ldb, int k, float* c, int ldc, int count)
        {
            float c00 = 0f, c01 = 0f, c02 = 0f, c03 = 0f, c10 = 0f, c11 = 0f, c12 = 0f, c13 = 0f;
            float* a0 = a, a1 = a + ars;
            for (int kk = 0; kk < k; kk++)
            {
                float b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3];
                b += ldb;
                float x = *a0;
                c00 += x * b0; c01 += x * b1; c02 += x * b2; c03 += x * b3;
                x = *a1;
                c10 += x * b0; c11 += x * b1; c12 += x * b2; c13 += x * b3;
                a0 += acs; a1 += acs;
            }
            Store(c, c00, c01, c02, c03, count);
            Store(c + ldc, c10, c11, c12, c13, count);
        }

        private static void Kernel1x4(float* a, int acs, float* b, int ldb, int k, float* c, int count)
        {
            float c0 = 0f, c1 = 0f, c2 = 0f, c3 = 0f;
            for (int kk = 0; kk < k; kk++)
            {
                float x = *a;
                c0 += x * b[0]; c1 += x * b[1]; c2 += x * b[2]; c3 += x * b[3];
                b += ldb;
                a += acs;
            }
            Store(c, c0, c1, c2, c3, count);
        }

        private static void Store(float* c, float v0, float v1, float v2, float v3, int count)
        {
            if (count == Columns) { c[0] = v0; c[1] = v1; c[2] = v2; c[3] = v3; return; }
            c[0] = v0;
            if (count > 1) c[1] = v1;
            if (count > 2) c[2] = v2;
        }
    }
}
