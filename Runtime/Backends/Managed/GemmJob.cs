using System;

namespace VaeProcgen.Backends.Managed
{
    /// <summary>
    /// A reusable, allocation-free GEMM call over managed arrays: C[cOffset..] (M x N, row stride ldc) =
    /// A (read through strides) * packed B. Arrays are pinned per chunk with fixed, so nothing stays pinned.
    /// </summary>
    internal sealed class GemmJob : IParallelWork
    {
        private float[] _a = Array.Empty<float>();
        private int _aOffset, _aRowStride, _aColStride;
        private float[] _b = Array.Empty<float>();
        private int _bOffset;
        private float[] _c = Array.Empty<float>();
        private int _cOffset, _ldc;
        private int _m, _n, _k;
        private bool _rowMajor;

        public void Configure(float[] a, int aOffset, int aRowStride, int aColStride, float[] bPacked, int bOffset,
            float[] c, int cOffset, int ldc, int m, int n, int k)
        {
            if (m > 0 && n > 0 && k > 0)
            {
                long aLast = aOffset + (long)(m - 1) * aRowStride + (long)(k - 1) * aColStride;
                long cLast = cOffset + (long)(m - 1) * ldc + n - 1;
                if (aOffset < 0 || aLast >= a.Length || bOffset < 0 || bOffset + (long)SimdGemm.PackedLength(k, n) > bPacked.Length
                    || cOffset < 0 || cLast >= c.Length)
                    throw new InvalidOperationException("Managed GEMM operands are out of range (internal error).");
            }
            _a = a; _aOffset = aOffset; _aRowStride = aRowStride; _aColStride = aColStride;
            _b = bPacked; _bOffset = bOffset;
            _c = c; _cOffset = cOffset; _ldc = ldc;
            _m = m; _n = n; _k = k;
            _rowMajor = SimdGemm.PreferRowMajor(m, n, k);
        }

        public void Run(ParallelLoops pool)
        {
            if (_m <= 0 || _n <= 0) return;
            if (_k <= 0)
            {
                for (int i = 0; i < _m; i++) Array.Clear(_c, _cOffset + i * _ldc, _n);
                return;
            }
            bool worthSplitting = (long)_m * _n * _k >= 32 * 1024;
            pool.For(this, SimdGemm.WorkItems(_m, _n), worthSplitting);
        }

        public unsafe void Execute(int begin, int end)
        {
            fixed (float* a = _a)
            fixed (float* b = _b)
            fixed (float* c = _c)
            {
                SimdGemm.Multiply(a + _aOffset, _aRowStride, _aColStride, b + _bOffset, c + _cOffset, _ldc,
                    _m, _n, _k, begin, end, _rowMajor);
            }
        }
    }
}
