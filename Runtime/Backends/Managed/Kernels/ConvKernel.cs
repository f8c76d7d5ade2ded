using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>
    /// 2-D Conv (group 1, explicit pads or VALID, strides, dilations, optional bias) as im2col into packed
    /// panels followed by the SIMD GEMM Y[oc, pixel] = W[oc, c*kh*kw] * col, one image at a time.
    /// </summary>
    internal sealed class ConvKernel : OpKernel
    {
        public ConvKernel(OnnxNode node, OnnxTensor? weights) : base(node)
        {
            if (weights == null || weights.Dims.Length != 4)
                throw new VaeModelException($"ONNX node {node.Describe()} needs constant 4-D weights; the managed backend supports 2-D Conv with initializer weights only.");
            Geometry = new ConvAttributes(node, (int)weights.Dims[2], (int)weights.Dims[3]);
        }

        private ConvAttributes Geometry { get; }

        public override NodeStep? Prepare(TensorSlot?[] inputs, TensorSlot[] outputs, WorkerPool pool)
        {
            TensorSlot x = Required(inputs, 0), w = Required(inputs, 1);
            TensorSlot? bias = inputs.Length > 2 ? inputs[2] : null;
            if (x.Rank != 4) throw new VaeModelException($"ONNX node {Node.Describe()} needs a 4-D input, got rank {x.Rank}.");
            ConvAttributes g = Geometry;
            int batch = x.Shape[0], channels = x.Shape[1], height = x.Shape[2], width = x.Shape[3];
            int outChannels = w.Shape[0];
            if (w.Shape[1] != channels) throw new VaeModelException($"ONNX node {Node.Describe()} expects {w.Shape[1]} input channels, got {channels}.");
            int outH = (height + g.PadTop + g.PadBottom - g.DilationH * (g.KernelH - 1) - 1) / g.StrideH + 1;
            int outW = (width + g.PadLeft + g.PadRight - g.DilationW * (g.KernelW - 1) - 1) / g.StrideW + 1;
            if (outH < 1 || outW < 1) throw new VaeModelException($"ONNX node {Node.Describe()} produces an empty output for a {height}x{width} input.");
            TensorSlot y = TensorSlot.NewFloat(new[] { batch, outChannels, outH, outW });
            outputs[0] = y;
            int pixels = outH * outW, k = channels * g.KernelH * g.KernelW;
            var packed = new float[SimdGemm.PackedLength(k, pixels)];
            var im2col = new Im2ColJob(g, x.RequireFloats(Node.Describe() + " X"), channels, height, width, outH, outW, packed);
            var gemm = new GemmJob();
            float[] weights = w.RequireFloats(Node.Describe() + " W");
            return new Step(pool, im2col, gemm, weights, packed, y.Floats!, bias?.RequireFloats(Node.Describe() + " B"),
                batch, channels * height * width, outChannels, pixels, k);
        }

        private sealed class Step : NodeStep
        {
            private readonly WorkerPool _pool;
            private readonly Im2ColJob _im2col;
            private readonly GemmJob _gemm;
            private readonly float[] _w, _packed, _y;
            private readonly float[]? _bias;
            private readonly int _batch, _imageSize, _outChannels, _pixels, _k;

            public Step(WorkerPool pool, Im2ColJob im2col, GemmJob gemm, float[] w, float[] packed, float[] y, float[]? bias,
                int batch, int imageSize, int outChannels, int pixels, int k)
            {
                _pool = pool; _im2col = im2col; _gemm = gemm; _w = w; _packed = packed; _y = y; _bias = bias;
                _batch = batch; _imageSize = imageSize; _outChannels = outChannels; _pixels = pixels; _k = k;
            }

            public override void Execute()
            {
                for (int b = 0; b < _batch; b++)
                {
                    _im2col.SetImage(b * _imageSize);
                    _pool.For(_im2col, _im2col.Rows, (long)_im2col.Rows * _pixels >= 64 * 1024);
                    int yOffset = b * _outChannels * _pixels;
                    _gemm.Configure(_w, 0, _k, 1, _packed, 0, _y, yOffset, _pixels, _outChannels, _pixels, _k);
                    _gemm.Run(_pool);
                    if (_bias == null) continue;
                    for (int oc = 0; oc < _outChannels; oc++)
                    {
                        float v = _bias[oc];
                        int row = yOffset + oc * _pixels;
                        for (int p = 0; p < _pixels; p++) _y[row + p] += v;
                    }
                }
            }
        }
    }
}
