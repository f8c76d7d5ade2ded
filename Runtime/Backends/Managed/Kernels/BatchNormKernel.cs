using System;
using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>
    /// BatchNormalization in inference mode: y = x * a[c] + b[c] with a = scale / sqrt(var + epsilon) and
    /// b = bias - mean * a folded while planning. Training-mode outputs are rejected at load.
    /// </summary>
    internal sealed class BatchNormKernel : OpKernel
    {
        private readonly float _epsilon;

        public BatchNormKernel(OnnxNode node) : base(node)
        {
            if (node.Outputs.Count > 1 || node.GetInt("training_mode", 0) != 0)
                throw new VaeModelException($"ONNX node {node.Describe()} is in training mode; the managed backend runs BatchNormalization in inference mode only.");
            _epsilon = node.GetFloat("epsilon", 1e-5f);
        }

        public override NodeStep? Prepare(TensorSlot?[] inputs, TensorSlot[] outputs, ParallelLoops pool)
        {
            TensorSlot x = Required(inputs, 0);
            float[] scale = Required(inputs, 1).RequireFloats(Node.Describe() + " scale");
            float[] bias = Required(inputs, 2).RequireFloats(Node.Describe() + " B");
            float[] mean = Required(inputs, 3).RequireFloats(Node.Describe() + " mean");
            float[] variance = Required(inputs, 4).RequireFloats(Node.Describe() + " var");
            if (x.Rank < 2) throw new VaeModelException($"ONNX node {Node.Describe()} needs an input of rank 2 or more.");
            int channels = x.Shape[1];
            if (scale.Length != channels || bias.Length != channels || mean.Length != channels || variance.Length != channels)
                throw new VaeModelException($"ONNX node {Node.Describe()} has parameters that do not match {channels} channels.");
            var a = new float[channels];
            var b = new float[channels];
            for (int c = 0; c < channels; c++)
            {
                a[c] = scale[c] / MathF.Sqrt(variance[c] + _epsilon);
                b[c] = bias[c] - mean[c] * a[c];
            }
            TensorSlot y = TensorSlot.NewFloat((int[])x.Shape.Clone());
            outputs[0] = y;
            return new Step(x.RequireFloats(Node.Describe() + " X"), y.Floats!, a, b, x.Shape[0], channels, ShapeMath.Count(x.Shape, 2, x.Rank));
        }

        private sealed class Step : NodeStep
        {
            private readonly float[] _x, _y, _a, _b;
            private readonly int _batch, _channels, _spatial;

            public Step(float[] x, float[] y, float[] a, float[] b, int batch, int channels, int spatial)
            { _x = x; _y = y; _a = a; _b = b; _batch = batch; _channels = channels; _spatial = spatial; }

            public override void Execute()
            {
                int i = 0;
                for (int n = 0; n < _batch; n++)
                    for (int c = 0; c < _channels; c++)
                    {
                        float a = _a[c], b = _b[c];
                        for (int s = 0; s < _spatial; s++, i++) _y[i] = _x[i] * a + b;
                    }
            }
        }
    }
}
