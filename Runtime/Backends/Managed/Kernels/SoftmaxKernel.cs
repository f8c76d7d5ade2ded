using System;
using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>
    /// Softmax. Opset 13+: along one axis (default -1). Opset 1-12: the input is coerced to 2-D at the axis
    /// (default 1) and normalized over everything from the axis on.
    /// </summary>
    internal sealed class SoftmaxKernel : OpKernel
    {
        private readonly bool _perAxis;

        public SoftmaxKernel(OnnxNode node, long opset) : base(node) { _perAxis = opset >= 13 || opset == 0; }

        public override NodeStep? Prepare(TensorSlot?[] inputs, TensorSlot[] outputs, ParallelLoops pool)
        {
            TensorSlot x = Required(inputs, 0);
            int rank = x.Rank;
            int axis = ShapeMath.NormalizeAxis(Node.GetInt("axis", _perAxis ? -1 : 1), Math.Max(rank, 1), Node.Name);
            int outer = ShapeMath.Count(x.Shape, 0, axis);
            int size = _perAxis ? x.Shape[axis] : ShapeMath.Count(x.Shape, axis, rank);
            int inner = _perAxis ? ShapeMath.Count(x.Shape, axis + 1, rank) : 1;
            TensorSlot y = TensorSlot.NewFloat((int[])x.Shape.Clone());
            outputs[0] = y;
            return new Step(x.RequireFloats(Node.Describe() + " input"), y.Floats!, outer, size, inner);
        }

        private sealed class Step : NodeStep
        {
            private readonly float[] _x, _y;
            private readonly int _outer, _size, _inner;

            public Step(float[] x, float[] y, int outer, int size, int inner) { _x = x; _y = y; _outer = outer; _size = size; _inner = inner; }

            public override void Execute()
            {
                for (int o = 0; o < _outer; o++)
                {
                    for (int i = 0; i < _inner; i++)
                    {
                        int start = o * _size * _inner + i;
                        float max = float.NegativeInfinity;
                        for (int j = 0; j < _size; j++) max = Math.Max(max, _x[start + j * _inner]);
                        float sum = 0f;
                        for (int j = 0; j < _size; j++)
                        {
                            float e = MathF.Exp(_x[start + j * _inner] - max);
                            _y[start + j * _inner] = e;
                            sum += e;
                        }
                        for (int j = 0; j < _size; j++) _y[start + j * _inner] /= sum;
                    }
                }
            }
        }
    }
}
