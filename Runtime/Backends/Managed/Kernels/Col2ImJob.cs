using System;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>
    /// col2im for ConvTranspose: scatters col[(oc, ky, kx), input pixel] into Y[oc] in a fixed order (ky, kx,
    /// input row, input column), then adds the bias. Work items are output channels, so each output element
    /// is summed by exactly one thread in the same order every time.
    /// </summary>
    internal sealed class Col2ImJob : IParallelWork
    {
        private readonly ConvAttributes _g;
        private readonly int _height, _width, _outH, _outW;
        private readonly float[] _col, _y;
        private readonly float[]? _bias;
        private int _yOffset;

        public Col2ImJob(ConvAttributes g, float[] col, int height, int width, float[] y, int outH, int outW, float[]? bias)
        {
            _g = g; _col = col; _height = height; _width = width; _y = y; _outH = outH; _outW = outW; _bias = bias;
        }

        public void SetImage(int yOffset) => _yOffset = yOffset;

        public void Execute(int begin, int end)
        {
            int kh = _g.KernelH, kw = _g.KernelW, inPixels = _height * _width, outPixels = _outH * _outW;
            float[] col = _col, y = _y;
            for (int oc = begin; oc < end; oc++)
            {
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
