using System;
using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>Slice: starts/ends/axes/steps as inputs (opset 10+) or attributes (opset 1-9), with ONNX clamping rules.</summary>
    internal sealed class SliceKernel : OpKernel
    {
        public SliceKernel(OnnxNode node) : base(node) { }

        public override NodeStep? Prepare(TensorSlot?[] inputs, TensorSlot[] outputs, ParallelLoops pool)
        {
            TensorSlot x = Required(inputs, 0);
            int rank = x.Rank;
            long[] starts = Ints(inputs, 1, "starts") ?? throw new VaeModelException($"ONNX node {Node.Describe()} has no starts.");
            long[] ends = Ints(inputs, 2, "ends") ?? throw new VaeModelException($"ONNX node {Node.Describe()} has no ends.");
            long[]? axes = Ints(inputs, 3, "axes");
            long[]? steps = Ints(inputs, 4, "steps");
            var begin = new int[rank];
            var step = new int[rank];
            var outShape = (int[])x.Shape.Clone();
            for (int d = 0; d < rank; d++) step[d] = 1;
            for (int i = 0; i < starts.Length; i++)
            {
                int axis = ShapeMath.NormalizeAxis(axes == null ? i : axes[i], rank, Node.Name);
                long s = steps == null ? 1 : steps[i];
                if (s == 0) throw new VaeModelException($"ONNX node {Node.Describe()} has a zero step.");
                long dim = x.Shape[axis];
                long start = starts[i] < 0 ? starts[i] + dim : starts[i];
                long end = ends[i] < 0 ? ends[i] + dim : ends[i];
                long count;
                if (s > 0)
                {
                    start = Math.Max(0, Math.Min(dim, start));
                    end = Math.Max(0, Math.Min(dim, end));
                    count = end > start ? (end - start + s - 1) / s : 0;
                }
                else
                {
                    start = Math.Max(0, Math.Min(dim - 1, start));
                    end = Math.Max(-1, Math.Min(dim - 1, end));
                    count = start > end ? (start - end + (-s) - 1) / (-s) : 0;
                }
                begin[axis] = (int)start;
                step[axis] = (int)s;
                outShape[axis] = (int)count;
            }
            int[] strides = ShapeMath.Strides(x.Shape);
            var map = new int[ShapeMath.Count(outShape)];
            var counter = new int[rank];
            for (int i = 0; i < map.Length; i++)
            {
                int src = 0;
                for (int d = 0; d < rank; d++) src += (begin[d] + counter[d] * step[d]) * strides[d];
                map[i] = src;
                for (int d = rank - 1; d >= 0; d--) { if (++counter[d] < outShape[d]) break; counter[d] = 0; }
            }
            NodeStep? result = IndexMapStep.Apply(x, outShape, map, out TensorSlot output);
            outputs[0] = output;
            return result;
        }

        private long[]? Ints(TensorSlot?[] inputs, int index, string name)
        {
            if (Node.Inputs.Count > 1) return index < inputs.Length && inputs[index] != null ? inputs[index]!.RequireInts(Node.Describe() + " " + name) : null;
            return Node.GetInts(name);
        }
    }
}
