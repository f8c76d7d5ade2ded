using System;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>
    /// One image of a ConvTranspose as work items over output channels. Item oc multiplies its rows of W^T
    /// (oc x kernel taps) by the packed input into its own slice of col, then scatters that slice into Y[oc] in a
    /// fixed order (ky, kx, input row, input column) and adds the bias. The slice is scattered while it is still in
    /// cache, and each output element is summed by exactly one thread in the same order every time.
    /// </summary>
    internal sealed unsafe class ConvTransposeChannelJob : IParallelWork
    {
        private readonly ConvAttributes _g;
        private readonly int _height, _width, _outH, _outW, _inChannels;
        private readonly float[] _weightsT, _packed, _col, _y;
        private readonly float[]? _bias;
        private readonly bool _rowMajor;
        private int _yOffset;

        public ConvTransposeChannelJob(ConvAttributes g, float[] weightsT, int inChannels, float[] packed, float[] col,
            int height, int width, float[] y, int outH, int outW, float[]? bias)
        {
            _g = g; _weightsT = weightsT; _inChannels = inChannels; _packed = packed; _col = col;
            _height = height; _width = width; _y = y; _outH = outH; _outW = outW; _bias = bias;
            _rowMajor = SimdGemm.PreferRowMajor(g.KernelH * g.KernelW, height * width, inChannels);
        }

        public void SetImage(int yOffset) => _yOffset = yOffset;

        public void Execute(int begin, int end)
        {
            int kh = _g.KernelH, kw = _g.KernelW, taps = kh * kw, inPixels = _height * _width, outPixels = _outH * _outW;
            int items = SimdGemm.WorkItems(taps, inPixels);
            float[] col = _col, y = _y;
            for (int oc = begin; oc < end; oc++)
            {
                fixed (float* a = _weightsT)
                fixed (float* b = _packed)
                fixed (float* c = _col)
                {
                    SimdGemm.Multiply(a + (long)oc * taps * _inChannels, _inChannels, 1, b, c + (long)oc * taps * inPixels, inPixels,
                        taps, inPixels, _inChannels, 0, items, _rowMajor);
                }
                int yBase = _yOffset + oc * outPixels;
                Array.Clear(y, yBase, outPixels);
                for (int ky = 0; ky < kh; ky++)
                {
                    for (int kx = 0; kx < kw; kx++)
                    {
                        int colBase = ((oc * kh + ky) * kw + kx) * inPixels;
                        for (int iy = 0; iy < _height; iy++)
                        {
                            int oy = iy * _g.StrideH - _g.PadTop + ky * _g.DilationH;
                            if (oy < 0 || oy >= _outH) continue;
                            int yRow = yBase + oy * _outW, colRow = colBase + iy * _width;
                            int ox = -_g.PadLeft + kx * _g.DilationW;
                            for (int ix = 0; ix < _width; ix++, ox += _g.StrideW)
                            {
                                if (ox >= 0 && ox < _outW) y[yRow + ox] += col[colRow + ix];
                            }
                        }
                    }
                }
                if (_bias != null)
                {
                    float v = _bias[oc];
                    for (int p = 0; p < outPixels; p++) y[yBase + p] += v;
                }
            }
        }
    }
}
