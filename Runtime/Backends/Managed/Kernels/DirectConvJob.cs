using System;
using System.Numerics;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>
    /// Stride-1 Conv with few output channels computed directly from a zero-padded copy of the input, without
    /// im2col: with only a handful of output channels, building the im2col matrix costs more than the multiply.
    /// Work items are output rows. A block of output channels x adjacent pixels is accumulated in registers over
    /// the taps (channel, ky, kx) in order, as acc = acc + w*x from zero, and the bias is added last: the same
    /// operations in the same order as the im2col GEMM, so the result is bitwise identical to it.
    /// </summary>
    internal sealed class DirectConvJob : ConvKernel.IImageJob
    {
        /// <summary>Largest output-channel count this job is chosen for.</summary>
        public const int MaxOutChannels = 16;

        private readonly ConvAttributes _g;
        private readonly int _channels, _height, _width, _paddedH, _paddedW, _outH, _outW, _outChannels, _taps;
        private readonly float[] _x, _padded, _weights, _y;
        private readonly float[]? _bias;
        private readonly int[] _tapOffsets;
        private int _yOffset;

        public DirectConvJob(ConvAttributes g, float[] x, int channels, int height, int width, float[] w, int outChannels,
            float[] y, int outH, int outW, float[]? bias)
        {
            _g = g; _x = x; _channels = channels; _height = height; _width = width; _y = y; _outH = outH; _outW = outW;
            _outChannels = outChannels; _bias = bias;
            _paddedH = Math.Max(height + g.PadTop + g.PadBottom, outH + (g.KernelH - 1) * g.DilationH);
            _paddedW = Math.Max(width + g.PadLeft + g.PadRight, outW + (g.KernelW - 1) * g.DilationW);
            _padded = new float[channels * _paddedH * _paddedW + 4]; // + 4: the scalar tail block reads up to 3 floats past a row
            _taps = channels * g.KernelH * g.KernelW;
            _tapOffsets = new int[_taps];
            _weights = new float[_taps * outChannels];
            for (int t = 0; t < _taps; t++)
            {
                int c = t / (g.KernelH * g.KernelW), ky = t / g.KernelW % g.KernelH, kx = t % g.KernelW;
                _tapOffsets[t] = (c * _paddedH + ky * g.DilationH) * _paddedW + kx * g.DilationW;
                for (int oc = 0; oc < outChannels; oc++) _weights[t * outChannels + oc] = w[oc * _taps + t];
            }
        }

        public static bool Fits(ConvAttributes g, int outChannels) => g.StrideH == 1 && g.StrideW == 1 && outChannels <= MaxOutChannels;

        public int WorkItems => _outH;

        /// <summary>Copies image <paramref name="xOffset"/> into the padded buffer (whose border stays zero) and targets output <paramref name="yOffset"/>.</summary>
        public void SetImage(int xOffset, int yOffset)
        {
            _yOffset = yOffset;
            for (int c = 0; c < _channels; c++)
                for (int row = 0; row < _height; row++)
                    Array.Copy(_x, xOffset + (c * _height + row) * _width, _padded,
                        (c * _paddedH + row + _g.PadTop) * _paddedW + _g.PadLeft, _width);
        }

        public void Execute(int begin, int end)
        {
            int v = KernelPath.Vectorized ? Vector<float>.Count : 0;
            for (int oy = begin; oy < end; oy++)
            {
                int ox = 0;
                if (v > 0)
                {
                    for (; ox + 2 * v <= _outW; ox += 2 * v) DoubleVectorBlock(oy, ox);
                    for (; ox + v <= _outW; ox += v) VectorBlock(oy, ox);
                }
                for (; ox + 4 <= _outW; ox += 4) ScalarBlock(oy, ox, 4);
                if (ox < _outW) ScalarBlock(oy, ox, _outW - ox);
            }
        }

        /// <summary>Two vectors of adjacent pixels, four output channels at a time (eight accumulators), through pointers.</summary>
        private unsafe void DoubleVectorBlock(int oy, int ox)
        {
            int v = Vector<float>.Count, taps = _tapOffsets.Length, m = _outChannels, oc = 0;
            fixed (float* xp = _padded)
            fixed (float* w = _weights)
            fixed (int* offsets = _tapOffsets)
            {
                float* origin = xp + oy * _paddedW + ox;
                for (; oc + 4 <= m; oc += 4)
                {
                    Vector<float> a0 = Vector<float>.Zero, a1 = Vector<float>.Zero, a2 = Vector<float>.Zero, a3 = Vector<float>.Zero;
                    Vector<float> b0 = Vector<float>.Zero, b1 = Vector<float>.Zero, b2 = Vector<float>.Zero, b3 = Vector<float>.Zero;
                    float* wt = w + oc;
                    for (int t = 0; t < taps; t++, wt += m)
                    {
                        float* x = origin + offsets[t];
                        Vector<float> lo = *(Vector<float>*)x, hi = *(Vector<float>*)(x + v);
                        var k = new Vector<float>(wt[0]);
                        a0 += k * lo; b0 += k * hi;
                        k = new Vector<float>(wt[1]);
                        a1 += k * lo; b1 += k * hi;
                        k = new Vector<float>(wt[2]);
                        a2 += k * lo; b2 += k * hi;
                        k = new Vector<float>(wt[3]);
                        a3 += k * lo; b3 += k * hi;
                    }
                    StoreVector(oc, oy, ox, a0); StoreVector(oc + 1, oy, ox, a1); StoreVector(oc + 2, oy, ox, a2); StoreVector(oc + 3, oy, ox, a3);
                    StoreVector(oc, oy, ox + v, b0); StoreVector(oc + 1, oy, ox + v, b1); StoreVector(oc + 2, oy, ox + v, b2); StoreVector(oc + 3, oy, ox + v, b3);
                }
            }
            for (; oc < m; oc++)
            {
                VectorChannel(oc, oy, ox);
                VectorChannel(oc, oy, ox + v);
            }
        }

        private void VectorChannel(int oc, int oy, int ox)
        {
            float[] xp = _padded, w = _weights;
            int[] offsets = _tapOffsets;
            int origin = oy * _paddedW + ox, m = _outChannels;
            Vector<float> a = Vector<float>.Zero;
            for (int t = 0, wi = oc; t < offsets.Length; t++, wi += m) a += new Vector<float>(w[wi]) * new Vector<float>(xp, origin + offsets[t]);
            StoreVector(oc, oy, ox, a);
        }

        private void VectorBlock(int oy, int ox)
        {
            float[] xp = _padded, w = _weights;
            int[] offsets = _tapOffsets;
            int origin = oy * _paddedW + ox, m = _outChannels, oc = 0;
            for (; oc + 4 <= m; oc += 4)
            {
                Vector<float> a0 = Vector<float>.Zero, a1 = Vector<float>.Zero, a2 = Vector<float>.Zero, a3 = Vector<float>.Zero;
                for (int t = 0, wi = oc; t < offsets.Length; t++, wi += m)
                {
                    var xv = new Vector<float>(xp, origin + offsets[t]);
                    a0 += new Vector<float>(w[wi]) * xv;
                    a1 += new Vector<float>(w[wi + 1]) * xv;
                    a2 += new Vector<float>(w[wi + 2]) * xv;
                    a3 += new Vector<float>(w[wi + 3]) * xv;
                }
                StoreVector(oc, oy, ox, a0); StoreVector(oc + 1, oy, ox, a1); StoreVector(oc + 2, oy, ox, a2); StoreVector(oc + 3, oy, ox, a3);
            }
            for (; oc < m; oc++) VectorChannel(oc, oy, ox);
        }

        private void StoreVector(int oc, int oy, int ox, Vector<float> acc)
        {
            if (_bias != null) acc += new Vector<float>(_bias[oc]);
            acc.CopyTo(_y, _yOffset + (oc * _outH + oy) * _outW + ox);
        }

        /// <summary>Up to four pixels, two output channels at a time (eight accumulators).</summary>
        private void ScalarBlock(int oy, int ox, int count)
        {
            float[] xp = _padded, w = _weights;
            int[] offsets = _tapOffsets;
            int origin = oy * _paddedW + ox, m = _outChannels;
            for (int oc = 0; oc < m; oc += 2)
            {
                bool pair = oc + 1 < m;
                float c00 = 0f, c01 = 0f, c02 = 0f, c03 = 0f, c10 = 0f, c11 = 0f, c12 = 0f, c13 = 0f;
                for (int t = 0, wi = oc; t < offsets.Length; t++, wi += m)
                {
                    int o = origin + offsets[t];
                    float x0 = xp[o], x1 = xp[o + 1], x2 = xp[o + 2], x3 = xp[o + 3];
                    float w0 = w[wi], w1 = pair ? w[wi + 1] : 0f;
                    c00 += w0 * x0; c01 += w0 * x1; c02 += w0 * x2; c03 += w0 * x3;
                    c10 += w1 * x0; c11 += w1 * x1; c12 += w1 * x2; c13 += w1 * x3;
                }
                StoreScalar(oc, oy, ox, count, c00, c01, c02, c03);
                if (pair) StoreScalar(oc + 1, oy, ox, count, c10, c11, c12, c13);
            }
        }

        private void StoreScalar(int oc, int oy, int ox, int count, float v0, float v1, float v2, float v3)
        {
            float b = _bias != null ? _bias[oc] : 0f;
            int i = _yOffset + (oc * _outH + oy) * _outW + ox;
            bool bias = _bias != null;
            _y[i] = bias ? v0 + b : v0;
            if (count > 1) _y[i + 1] = bias ? v1 + b : v1;
            if (count > 2) _y[i + 2] = bias ? v2 + b : v2;
            if (count > 3) _y[i + 3] = bias ? v3 + b : v3;
        }
    }
}
