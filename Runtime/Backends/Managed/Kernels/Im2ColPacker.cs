namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>
    /// im2col for one image, written straight into the packed-panel layout that <see cref="SimdGemm"/> reads as B
    /// (rows = channel x kernel offset, columns = output pixels), one panel at a time so that a panel is packed right
    /// before the GEMM reads it, while it is still in cache. Padding lanes past the last pixel are never written.
    /// </summary>
    internal sealed class Im2ColPacker
    {
        private readonly ConvAttributes _g;
        private readonly int _height, _width, _pixels, _rows;
        private readonly int[] _rowOrigin, _columnOrigin;
        private readonly float[] _x, _packed;
        private int _xOffset;

        public Im2ColPacker(ConvAttributes g, float[] x, int channels, int height, int width, int outH, int outW, float[] packed)
        {
            _g = g; _x = x; _height = height; _width = width; _packed = packed;
            _rows = channels * g.KernelH * g.KernelW;
            _pixels = outH * outW;
            _rowOrigin = new int[_pixels];
            _columnOrigin = new int[_pixels];
            for (int p = 0; p < _pixels; p++)
            {
                _rowOrigin[p] = p / outW * g.StrideH - g.PadTop;
                _columnOrigin[p] = p % outW * g.StrideW - g.PadLeft;
            }
        }

        public int Rows => _rows;

        public int Pixels => _pixels;

        public void SetImage(int xOffset) => _xOffset = xOffset;

        /// <summary>Packs panel <paramref name="panel"/> (pixels panel*PanelWidth ...) for every row.</summary>
        public void PackPanel(int panel)
        {
            int width = SimdGemm.PanelWidth;
            int first = panel * width, lanes = System.Math.Min(width, _pixels - first);
            int kh = _g.KernelH, kw = _g.KernelW, taps = kh * kw, plane = _height * _width;
            float[] x = _x, dst = _packed;
            int[] rowOrigin = _rowOrigin, columnOrigin = _columnOrigin;
            int d = first * _rows;
            for (int r = 0; r < _rows; r++, d += width)
            {
                int c = r / taps, dy = r / kw % kh * _g.DilationH, dx = r % kw * _g.DilationW;
                int channelBase = _xOffset + c * plane;
                for (int lane = 0; lane < lanes; lane++)
                {
                    int iy = rowOrigin[first + lane] + dy, ix = columnOrigin[first + lane] + dx;
                    dst[d + lane] = (uint)iy < (uint)_height && (uint)ix < (uint)_width ? x[channelBase + iy * _width + ix] : 0f;
                }
            }
        }
    }
}
