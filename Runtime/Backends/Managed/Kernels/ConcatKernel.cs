using System;
using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>Concat along one axis; all-integer inputs are joined while planning.</summary>
    internal sealed class ConcatKernel : OpKernel
    {
        public ConcatKernel(OnnxNode node) : base(node) { }

        public override NodeStep? Prepare(TensorSlot?[] inputs, TensorSlot[] outputs, ParallelLoops pool)
        {
            TensorSlot first = Required(inputs, 0);
            int rank = first.Rank;
            int axis = ShapeMath.NormalizeAxis(Node.GetInt("axis", 0), rank, Node.Name);
            var outShape = (int[])first.Shape.Clone();
            outShape[axis] = 0;
            bool allInt = true;
            for (int i = 0; i < inputs.Length; i++)
            {
                TensorSlot s = Required(inputs, i);
                if (s.Rank != rank) throw new VaeModelException($"ONNX node {Node.Describe()} concatenates tensors of different ranks.");
                for (int d = 0; d < rank; d++)
                    if (d != axis && s.Shape[d] != first.Shape[d]) throw new VaeModelException($"ONNX node {Node.Describe()} concatenates tensors whose dimension {d} differs.");
                outShape[axis] += s.Shape[axis];
                allInt &= s.IsInt;
            }
            int outer = ShapeMath.Count(first.Shape, 0, axis), inner = ShapeMath.Count(first.Shape, axis + 1, rank);
            var blocks = new int[inputs.Length];
            for (int i = 0; i < inputs.Length; i++) blocks[i] = inputs[i]!.Shape[axis] * inner;
            if (allInt)
            {
                var values = new long[ShapeMath.Count(outShape)];
                int o = 0;
                for (int b = 0; b < outer; b++)
                    for (int i = 0; i < inputs.Length; i++) { Array.Copy(inputs[i]!.Ints!, b * blocks[i], values, o, blocks[i]); o += blocks[i]; }
                outputs[0] = new TensorSlot(outShape, null, values);
                return null;
            }
            var sources = new float[inputs.Length][];
            for (int i = 0; i < inputs.Length; i++) sources[i] = inputs[i]!.RequireFloats(Node.Describe() + " input");
            TensorSlot y = TensorSlot.NewFloat(outShape);
            outputs[0] = y;
            return new Step(sources, blocks, outer, y.Floats!);
        }

        private sealed class Step : NodeStep
        {
            private readonly float[][] _sources;
            private readonly int[] _blocks;
            private readonly int _outer;
            private readonly float[] _y;

            public Step(float[][] sources, int[] blocks, int outer, float[] y) { _sources = sources; _blocks = blocks; _outer = outer; _y = y; }

            public override void Execute()
            {
                int o = 0;
                for (int b = 0; b < _outer; b++)
                    for (int i = 0; i < _sources.Length; i++) { Array.Copy(_sources[i], b * _blocks[i], _y, o, _blocks[i]); o += _blocks[i]; }
            }
        }
    }
}
