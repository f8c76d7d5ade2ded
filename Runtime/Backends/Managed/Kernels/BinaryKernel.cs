using System;
using System.Numerics;
using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>Add, Sub, Mul, Div with numpy broadcasting; integer operands are evaluated while planning.</summary>
    internal sealed class BinaryKernel : OpKernel
    {
        public BinaryKernel(OnnxNode node) : base(node) { }

        public override NodeStep? Prepare(TensorSlot?[] inputs, TensorSlot[] outputs, ParallelLoops pool)
        {
            TensorSlot a = Required(inputs, 0), b = Required(inputs, 1);
            int[] shape = ShapeMath.Broadcast(a.Shape, b.Shape, Node.Name);
            int[] sa = ShapeMath.BroadcastStrides(a.Shape, shape), sb = ShapeMath.BroadcastStrides(b.Shape, shape);
            if (a.IsInt && b.IsInt)
            {
                var result = new long[ShapeMath.Count(shape)];
                var counter = new int[shape.Length];
                for (int i = 0; i < result.Length; i++)
                {
                    int ia = 0, ib = 0;
                    for (int d = 0; d < shape.Length; d++) { ia += counter[d] * sa[d]; ib += counter[d] * sb[d]; }
                    result[i] = ApplyInt(a.Ints![ia], b.Ints![ib]);
                    for (int d = shape.Length - 1; d >= 0; d--) { if (++counter[d] < shape[d]) break; counter[d] = 0; }
                }
                outputs[0] = new TensorSlot(shape, null, result);
                return null;
            }
            TensorSlot y = TensorSlot.NewFloat(shape);
            outputs[0] = y;
            float[] xa = a.RequireFloats(Node.Describe() + " input A"), xb = b.RequireFloats(Node.Describe() + " input B");
            return Node.OpType switch
            {
                "Add" => new Step<AddOp>(xa, xb, y.Floats!, shape, sa, sb),
                "Sub" => new Step<SubOp>(xa, xb, y.Floats!, shape, sa, sb),
                "Mul" => new Step<MulOp>(xa, xb, y.Floats!, shape, sa, sb),
                _ => new Step<DivOp>(xa, xb, y.Floats!, shape, sa, sb),
            };
        }

        private long ApplyInt(long x, long y) => Node.OpType switch
        {
            "Add" => x + y,
            "Sub" => x - y,
            "Mul" => x * y,
            _ => y == 0 ? throw new VaeModelException($"ONNX node {Node.Describe()} divides an integer by zero.") : FloorTowardZero(x, y),
        };

        private static long FloorTowardZero(long x, long y) => x / y;

        private interface IOp
        {
            float Apply(float x, float y);
            Vector<float> Apply(Vector<float> x, Vector<float> y);
        }

        private struct AddOp : IOp { public float Apply(float x, float y) => x + y; public Vector<float> Apply(Vector<float> x, Vector<float> y) => x + y; }
        private struct SubOp : IOp { public float Apply(float x, float y) => x - y; public Vector<float> Apply(Vector<float> x, Vector<float> y) => x - y; }
        private struct MulOp : IOp { public float Apply(float x, float y) => x * y; public Vector<float> Apply(Vector<float> x, Vector<float> y) => x * y; }
        private struct DivOp : IOp { public float Apply(float x, float y) => x / y; public Vector<float> Apply(Vector<float> x, Vector<float> y) => x / y; }

        private sealed class Step<TOp> : NodeStep where TOp : struct, IOp
        {
            private readonly float[] _a, _b, _y;
            private readonly int[] _shape, _sa, _sb, _counter;
            private readonly int _inner, _innerA, _innerB;

            public Step(float[] a, float[] b, float[] y, int[] shape, int[] sa, int[] sb)
            {
                _a = a; _b = b; _y = y; _shape = shape; _sa = sa; _sb = sb;
                _counter = new int[Math.Max(0, shape.Length - 1)];
                _inner = shape.Length == 0 ? 1 : shape[shape.Length - 1];
                _innerA = shape.Length == 0 ? 0 : sa[shape.Length - 1];
                _innerB = shape.Length == 0 ? 0 : sb[shape.Length - 1];
            }

            public override void Execute()
            {
                if (_y.Length == 0) return;
                if (_a.Length == _y.Length && _b.Length == _y.Length) { Inner(0, 1, 0, 1, 0, _y.Length); return; }
                Array.Clear(_counter, 0, _counter.Length);
                int outer = _y.Length / _inner;
                int outerRank = _counter.Length;
                for (int o = 0; o < outer; o++)
                {
                    int ia = 0, ib = 0;
                    for (int d = 0; d < outerRank; d++) { ia += _counter[d] * _sa[d]; ib += _counter[d] * _sb[d]; }
                    Inner(ia, _innerA, ib, _innerB, o * _inner, _inner);
                    for (int d = outerRank - 1; d >= 0; d--) { if (++_counter[d] < _shape[d]) break; _counter[d] = 0; }
                }
            }

            private void Inner(int ia, int strideA, int ib, int strideB, int iy, int count)
            {
                TOp op = default;
                int v = Vector<float>.Count, j = 0;
                if (KernelPath.Vectorized)
                {
                    if (strideA == 1 && strideB == 1)
                        for (; j <= count - v; j += v) op.Apply(new Vector<float>(_a, ia + j), new Vector<float>(_b, ib + j)).CopyTo(_y, iy + j);
                    else if (strideA == 1 && strideB == 0)
                    {
                        var bv = new Vector<float>(_b[ib]);
                        for (; j <= count - v; j += v) op.Apply(new Vector<float>(_a, ia + j), bv).CopyTo(_y, iy + j);
                    }
                    else if (strideA == 0 && strideB == 1)
                    {
                        var av = new Vector<float>(_a[ia]);
                        for (; j <= count - v; j += v) op.Apply(av, new Vector<float>(_b, ib + j)).CopyTo(_y, iy + j);
                    }
                }
                for (; j < count; j++) _y[iy + j] = op.Apply(_a[ia + j * strideA], _b[ib + j * strideB]);
            }
        }
    }
}
