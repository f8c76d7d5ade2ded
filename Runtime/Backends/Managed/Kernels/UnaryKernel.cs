using System;
using System.Numerics;
using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>Element-wise activations: Relu, LeakyRelu, Elu, Sigmoid, Tanh, Exp.</summary>
    internal sealed class UnaryKernel : OpKernel
    {
        private readonly float _alpha;

        public UnaryKernel(OnnxNode node) : base(node)
        {
            _alpha = node.OpType switch
            {
                "LeakyRelu" => node.GetFloat("alpha", 0.01f),
                "Elu" => node.GetFloat("alpha", 1f),
                _ => 0f,
            };
        }

        public override NodeStep? Prepare(TensorSlot?[] inputs, TensorSlot[] outputs, ParallelLoops pool)
        {
            TensorSlot x = Required(inputs, 0);
            TensorSlot y = TensorSlot.NewFloat((int[])x.Shape.Clone());
            outputs[0] = y;
            return new Step(Node.OpType, _alpha, x.RequireFloats(Node.Describe() + " input"), y.Floats!);
        }

        private sealed class Step : NodeStep
        {
            private readonly string _op;
            private readonly float _alpha;
            private readonly float[] _x, _y;

            public Step(string op, float alpha, float[] x, float[] y) { _op = op; _alpha = alpha; _x = x; _y = y; }

            public override void Execute()
            {
                switch (_op)
                {
                    case "Relu": Relu(_x, _y); break;
                    case "LeakyRelu": LeakyRelu(_x, _y, _alpha); break;
                    case "Elu": for (int i = 0; i < _y.Length; i++) { float v = _x[i]; _y[i] = v >= 0f ? v : _alpha * (MathF.Exp(v) - 1f); } break;
                    case "Sigmoid": for (int i = 0; i < _y.Length; i++) _y[i] = 1f / (1f + MathF.Exp(-_x[i])); break;
                    case "Tanh": for (int i = 0; i < _y.Length; i++) _y[i] = MathF.Tanh(_x[i]); break;
                    case "Exp": for (int i = 0; i < _y.Length; i++) _y[i] = MathF.Exp(_x[i]); break;
                    default: throw new InvalidOperationException(_op);
                }
            }

            private static void Relu(float[] x, float[] y)
            {
                int v = Vector<float>.Count, i = 0;
                if (KernelPath.Vectorized)
                    for (; i <= y.Length - v; i += v) Vector.Max(new Vector<float>(x, i), Vector<float>.Zero).CopyTo(y, i);
                for (; i < y.Length; i++) y[i] = x[i] > 0f ? x[i] : 0f;
            }

            private static void LeakyRelu(float[] x, float[] y, float alpha)
            {
                int v = Vector<float>.Count, i = 0;
                if (KernelPath.Vectorized)
                {
                    var a = new Vector<float>(alpha);
                    for (; i <= y.Length - v; i += v)
                    {
                        var xv = new Vector<float>(x, i);
                        Vector.ConditionalSelect(Vector.GreaterThanOrEqual(xv, Vector<float>.Zero), xv, xv * a).CopyTo(y, i);
                    }
                }
                for (; i < y.Length; i++) y[i] = x[i] >= 0f ? x[i] : x[i] * alpha;
            }
        }
    }
}
