using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>
    /// 2-D ConvTranspose (group 1, pads, strides, dilations, output_padding, optional bias) as the GEMM
    /// col[(oc, ky, kx), pixel] = W^T * X and col2im, fused per output channel. W^T is laid out contiguously once at load.
    /// </summary>
    internal sealed class ConvTransposeKernel : OpKernel
    {
        private readonly float[] _weightsT;
        private readonly int _inChannels, _outChannels;
        private readonly int _outputPadH, _outputPadW;

        public ConvTransposeKernel(OnnxNode node, OnnxTensor? weights) : base(node)
        {
            if (weights == null || weights.Dims.Length != 4 || weights.FloatData.Length != weights.ElementCount)
                throw new VaeModelException($"ONNX node {node.Describe()} needs constant 4-D float weights; the managed backend supports 2-D ConvTranspose with initializer weights only.");
            long[]? outputShape = node.GetInts("output_shape");
            if (outputShape != null && outputShape.Length > 0)
                throw new VaeModelException($"ONNX node {node.Describe()} uses output_shape, which the managed backend does not support; export with explicit pads and output_padding.");
            Geometry = new ConvAttributes(node, (int)weights.Dims[2], (int)weights.Dims[3]);
            long[]? outputPadding = node.GetInts("output_padding");
            _outputPadH = outputPadding != null && outputPadding.Length == 2 ? (int)outputPadding[0] : 0;
            _outputPadW = outputPadding != null && outputPadding.Length == 2 ? (int)outputPadding[1] : 0;
            _inChannels = (int)weights.Dims[0];
            _outChannels = (int)weights.Dims[1];
            int taps = Geometry.KernelH * Geometry.KernelW, rows = _outChannels * taps;
            _weightsT = new float[rows * _inChannels];
            float[] w = weights.FloatData;
            for (int c = 0; c < _inChannels; c++)
                for (int r = 0; r < rows; r++) _weightsT[r * _inChannels + c] = w[c * rows + r];
        }

        private ConvAttributes Geometry { get; }

        public override NodeStep? Prepare(TensorSlot?[] inputs, TensorSlot[] outputs, WorkerPool pool)
        {
            TensorSlot x = Required(inputs, 0);
            TensorSlot? bias = inputs.Length > 2 ? inputs[2] : null;
            if (x.Rank != 4) throw new VaeModelException($"ONNX node {Node.Describe()} needs a 4-D input, got rank {x.Rank}.");
            if (x.Shape[1] != _inChannels) throw new VaeModelException($"ONNX node {Node.Describe()} expects {_inChannels} input channels, got {x.Shape[1]}.");
            ConvAttributes g = Geometry;
            int batch = x.Shape[0], height = x.Shape[2], width = x.Shape[3];
            int outH = (height - 1) * g.StrideH - g.PadTop - g.PadBottom + g.DilationH * (g.KernelH - 1) + _outputPadH + 1;
            int outW = (width - 1) * g.StrideW - g.PadLeft - g.PadRight + g.DilationW * (g.KernelW - 1) + _outputPadW + 1;
            if (outH < 1 || outW < 1) throw new VaeModelException($"ONNX node {Node.Describe()} produces an empty output for a {height}x{width} input.");
            TensorSlot y = TensorSlot.NewFloat(new[] { batch, _outChannels, outH, outW });
            outputs[0] = y;
            int inPixels = height * width, rows = _outChannels * g.KernelH * g.KernelW;
            var packed = new float[SimdGemm.PackedLength(_inChannels, inPixels)];
            var col = new float[rows * inPixels];
            var job = new ConvTransposeChannelJob(g, _weightsT, _inChannels, packed, col, height, width, y.Floats!, outH, outW, bias?.RequireFloats(Node.Describe() + " B"));
            return new Step(pool, x.RequireFloats(Node.Describe() + " X"), packed, job, batch, _inChannels, inPixels, _outChannels, outH * outW, (long)rows * inPixels * _inChannels);
        }

        private sealed class Step : NodeStep
        {
            private readonly WorkerPool _pool;
            private readonly float[] _x, _packed;
            private readonly ConvTransposeChannelJob _job;
            private readonly int _batch, _inChannels, _inPixels, _outChannels, _outPixels;
            private readonly bool _worthSplitting;

            public Step(WorkerPool pool, float[] x, float[] packed, ConvTransposeChannelJob job, int batch, int inChannels, int inPixels, int outChannels, int outPixels, long macs)
            {
                _pool = pool; _x = x; _packed = packed; _job = job;
                _batch = batch; _inChannels = inChannels; _inPixels = inPixels; _outChannels = outChannels; _outPixels = outPixels;
                _worthSplitting = macs >= 32 * 1024;
            }

            public override void Execute()
            {
                for (int b = 0; b < _batch; b++)
                {
                    SimdGemm.PackB(new System.ReadOnlySpan<float>(_x, b * _inChannels * _inPixels, _inChannels * _inPixels), _inChannels, _inPixels, _inPixels, 1, _packed);
                    _job.SetImage(b * _outChannels * _outPixels);
                    _pool.For(_job, _outChannels, _worthSplitting);
                }
            }
        }
    }
}
