using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>
    /// 2-D Conv (group 1, explicit pads or VALID, strides, dilations, optional bias), one image at a time: as im2col
    /// into packed panels, each followed at once by the GEMM Y[oc, pixel] = W[oc, c*kh*kw] * col, or, for stride-1
    /// convolutions with few output channels, directly (<see cref="DirectConvJob"/>).
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

        public override NodeStep? Prepare(TensorSlot?[] inputs, TensorSlot[] outputs, ParallelLoops pool)
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
            float[]? biasData = bias?.RequireFloats(Node.Describe() + " B");
            if (DirectConvJob.Fits(g, outChannels))
            {
                var direct = new DirectConvJob(g, x.RequireFloats(Node.Describe() + " X"), channels, height, width,
                    w.RequireFloats(Node.Describe() + " W"), outChannels, y.Floats!, outH, outW, biasData);
                return new ImageStep(pool, direct, batch, channels * height * width, outChannels * pixels, (long)outChannels * pixels * k);
            }
            var packed = new float[SimdGemm.PackedLength(k, pixels)];
            var im2col = new Im2ColPacker(g, x.RequireFloats(Node.Describe() + " X"), channels, height, width, outH, outW, packed);
            var job = new ConvPanelJob(im2col, w.RequireFloats(Node.Describe() + " W"), packed, y.Floats!, biasData, outChannels);
            return new ImageStep(pool, job, batch, channels * height * width, outChannels * pixels, (long)outChannels * pixels * k);
        }

        /// <summary>A convolution job run one image at a time: point it at an image, then run its work items.</summary>
        internal interface IImageJob : IParallelWork
        {
            /// <summary>Independent work items per image.</summary>
            int WorkItems { get; }

            /// <summary>Points the job at the image starting at these input and output offsets.</summary>
            void SetImage(int xOffset, int yOffset);
        }

        /// <summary>Runs an <see cref="IImageJob"/> over the batch, one image at a time.</summary>
        internal sealed class ImageStep : NodeStep
        {
            private readonly ParallelLoops _pool;
            private readonly IImageJob _job;
            private readonly int _batch, _imageSize, _outputSize;
            private readonly bool _worthSplitting;

            public ImageStep(ParallelLoops pool, IImageJob job, int batch, int imageSize, int outputSize, long macs)
            {
                _pool = pool; _job = job; _batch = batch; _imageSize = imageSize; _outputSize = outputSize;
                _worthSplitting = macs >= 32 * 1024;
            }

            public override void Execute()
            {
                for (int b = 0; b < _batch; b++)
                {
                    _job.SetImage(b * _imageSize, b * _outputSize);
                    _pool.For(_job, _job.WorkItems, _worthSplitting);
                }
            }
        }
    }
}
