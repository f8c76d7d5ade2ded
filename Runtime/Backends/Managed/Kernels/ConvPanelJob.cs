namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>
    /// One image of a Conv as work items over output-pixel panels: each item packs its im2col panel, multiplies
    /// every output channel by it and adds the bias, so the panel is read by the GEMM while it is still in cache
    /// and no full im2col matrix streams through memory. Each item writes only its own output columns.
    /// </summary>
    internal sealed unsafe class ConvPanelJob : ConvKernel.IImageJob
    {
        private readonly Im2ColPacker _im2col;
        private readonly float[] _w, _packed, _y;
        private readonly float[]? _bias;
        private readonly int _outChannels;
        private int _yOffset;

        public ConvPanelJob(Im2ColPacker im2col, float[] w, float[] packed, float[] y, float[]? bias, int outChannels)
        {
            _im2col = im2col; _w = w; _packed = packed; _y = y; _bias = bias; _outChannels = outChannels;
        }

        public int WorkItems => SimdGemm.PanelCount(_im2col.Pixels);

        public void SetImage(int xOffset, int yOffset)
        {
            _im2col.SetImage(xOffset);
            _yOffset = yOffset;
        }

        public void Execute(int begin, int end)
        {
            int k = _im2col.Rows, pixels = _im2col.Pixels, width = SimdGemm.PanelWidth;
            int rowBlocks = (_outChannels + SimdGemm.RowBlock - 1) / SimdGemm.RowBlock;
            for (int panel = begin; panel < end; panel++)
            {
                _im2col.PackPanel(panel);
                fixed (float* w = _w)
                fixed (float* b = _packed)
                fixed (float* y = _y)
                {
                    SimdGemm.Multiply(w, k, 1, b, y + _yOffset, pixels, _outChannels, pixels, k,
                        panel * rowBlocks, (panel + 1) * rowBlocks, rowMajorOrder: false);
                }
                if (_bias == null) continue;
                int first = panel * width, count = System.Math.Min(width, pixels - first);
                for (int oc = 0; oc < _outChannels; oc++)
                {
                    float v = _bias[oc];
                    int row = _yOffset + oc * pixels + first;
                    for (int p = 0; p < count; p++) _y[row + p] += v;
                }
            }
        }
    }
}
