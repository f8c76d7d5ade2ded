using System;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>
    /// im2col for one image, written straight into the packed-panel layout that <see cref="SimdGemm"/> reads
    /// as B (rows = channel x kernel offset, columns = output pixels). Work items are rows.
    /// </summary>
    internal sealed class Im2ColJob : IParallelWork
    {
        private readonly ConvAttributes _g;
        private readonly int _channels, _height, _width, _outH, _outW, _rows;
        private readonly float[] _x, _packed;
        private int _xOffset;

        public Im2ColJob(ConvAttributes g, float[] x, int channels, int height, int width, int outH, int outW, float[] packed)
        {
            _g = g; _x = x; _channels = channels; _height = height; _width = width; _outH = outH; _outW = outW; _packed = packed;
            _rows = channels * g.KernelH * g.KernelW;
        }

        public int Rows => _rows;

        public void SetImage(int xOffset) => _xOffset = xOffset;

        public void Execute(int begin, int end)
        {
            int width = SimdGemm.PanelWidth, panelStride = _rows * width;
            int kh = _g.KernelH, kw = _g.KernelW;
            float[] x = _x, dst = _packed;
            for (int r = begin; r < end; r++)
            {
                int c = r / (kh * kw), ky = r / kw % kh, kx = r % kw;
                int channelBase = _xOffset + c * _height * _width;
                int panelBase = r * width, lane = 0;
                for (int oy = 0; oy < _outH; oy++)
                {
                    int iy = oy * _g.StrideH - _g.PadTop + ky * _g.DilationH;
                    bool rowInside = iy >= 0 && iy < _height;
                    int rowBase = channelBase + iy * _width;
                    for (int ox = 0; ox < _outW; ox++)
                    {
                        int ix = ox * _g.StrideW - _g.PadLeft + kx * _g.DilationW;
                        dst[panelBase + lane] = rowInside && ix >= 0 && ix < _width ? x[rowBase + ix] : 0f;
                        if (++lane == width) { lane = 0; panelBase += panelStride; }
                    }
                }
            }
        }
    }
}
