using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>
    /// 2-D ConvTranspose (group 1, pads, strides, dilations, output_padding, optional bias), one image at a time, as
    /// stride x stride independent phase convolutions (<see cref="ConvTransposePhase"/>, <see cref="ConvTransposePhaseJob"/>):
    /// each output element is computed once as a dot product over its reaching taps, with no col2im scatter.
    /// The per-phase weights are laid out once at load.
    /// </summary>
    internal sealed class ConvTransposeKernel : OpKernel, IFusableRelu
    {
        private readonly ConvTransposePhase[] _phases;
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
            ConvAttributes g = Geometry;
            _phases = new ConvTransposePhase[g.StrideH * g.StrideW];
            for (int rh = 0; rh < g.StrideH; rh++)
                for (int rw = 0; rw < g.StrideW; rw++)
                    _phases[rh * g.StrideW + rw] = new ConvTransposePhase(g, weights.FloatData, _inChannels, _outChannels, rh, rw);
        }

        private ConvAttributes Geometry { get; }

        /// <inheritdoc />
        public bool FuseRelu { get; set; }

        public override NodeStep? Prepare(TensorSlot?[] inputs, TensorSlot[] outputs, ParallelLoops pool)
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
            var job = new ConvTransposePhaseJob(_phases, g, x.RequireFloats(Node.Describe() + " X"), _inChannels, height, width,
                y.Floats!, _outChannels, outH, outW, bias?.RequireFloats(Node.Describe() + " B"), FuseRelu, pool.ThreadCount);
            long macs = (long)_inChannels * height * width * _outChannels * g.KernelH * g.KernelW;
            return new ConvKernel.ImageStep(pool, job, batch, _inChannels * height * width, _outChannels * outH * outW, macs);
        }
    }
}
