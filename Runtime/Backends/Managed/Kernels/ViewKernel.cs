using System;
using System.Collections.Generic;
using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>
    /// Ops that only change the shape: Reshape, Flatten, Identity, Squeeze, Unsqueeze. The output shares the
    /// input's storage, so they cost nothing at run time.
    /// </summary>
    internal sealed class ViewKernel : OpKernel
    {
        public ViewKernel(OnnxNode node) : base(node) { }

        public override NodeStep? Prepare(TensorSlot?[] inputs, TensorSlot[] outputs, ParallelLoops pool)
        {
            TensorSlot x = Required(inputs, 0);
            int[] shape = Node.OpType switch
            {
                "Reshape" => ReshapeShape(x.Shape, Required(inputs, 1).RequireInts(Node.Describe() + " shape")),
                "Flatten" => FlattenShape(x.Shape),
                "Unsqueeze" => UnsqueezeShape(x.Shape, Axes(inputs) ?? throw new VaeModelException($"ONNX node {Node.Describe()} has no axes.")),
                "Squeeze" => SqueezeShape(x.Shape, Axes(inputs)),
                _ => (int[])x.Shape.Clone(),
            };
            if (ShapeMath.Count(shape) != x.Length)
                throw new VaeModelException($"ONNX node {Node.Describe()} cannot view [{string.Join(",", x.Shape)}] as [{string.Join(",", shape)}].");
            outputs[0] = TensorSlot.View(x, shape);
            return null;
        }

        private long[]? Axes(TensorSlot?[] inputs) =>
            inputs.Length > 1 && inputs[1] != null ? inputs[1]!.RequireInts(Node.Describe() + " axes") : Node.GetInts("axes");

        private int[] ReshapeShape(int[] input, long[] requested)
        {
            bool allowZero = Node.GetInt("allowzero", 0) != 0;
            var shape = new int[requested.Length];
            int inferred = -1;
            long known = 1;
            for (int i = 0; i < requested.Length; i++)
            {
                long r = requested[i];
                if (r == 0 && !allowZero)
                {
                    if (i >= input.Length) throw new VaeModelException($"ONNX node {Node.Describe()} copies dimension {i} that the input does not have.");
                    shape[i] = input[i];
                }
                else if (r == -1)
                {
                    if (inferred >= 0) throw new VaeModelException($"ONNX node {Node.Describe()} has more than one -1 in its shape.");
                    inferred = i;
                    continue;
                }
                else shape[i] = checked((int)r);
                known *= shape[i];
            }
            if (inferred >= 0)
            {
                int total = ShapeMath.Count(input);
                if (known == 0 || total % known != 0) throw new VaeModelException($"ONNX node {Node.Describe()} cannot infer -1 for [{string.Join(",", input)}].");
                shape[inferred] = (int)(total / known);
            }
            return shape;
        }

        private int[] FlattenShape(int[] input)
        {
            long axisAttr = Node.GetInt("axis", 1);
            int axis = axisAttr < 0 ? (int)axisAttr + input.Length : (int)axisAttr;
            if (axis < 0 || axis > input.Length) throw new VaeModelException($"ONNX node {Node.Describe()} has axis {axisAttr} out of range.");
            return new[] { ShapeMath.Count(input, 0, axis), ShapeMath.Count(input, axis, input.Length) };
        }

        private int[] UnsqueezeShape(int[] input, long[] axes)
        {
            int rank = input.Length + axes.Length;
            var inserted = new bool[rank];
            foreach (long a in axes) inserted[ShapeMath.NormalizeAxis(a, rank, Node.Name)] = true;
            var shape = new int[rank];
            int src = 0;
            for (int i = 0; i < rank; i++) shape[i] = inserted[i] ? 1 : input[src++];
            return shape;
        }

        private int[] SqueezeShape(int[] input, long[]? axes)
        {
            var remove = new bool[input.Length];
            if (axes == null || axes.Length == 0) { for (int i = 0; i < input.Length; i++) remove[i] = input[i] == 1; }
            else
            {
                foreach (long a in axes)
                {
                    int axis = ShapeMath.NormalizeAxis(a, input.Length, Node.Name);
                    if (input[axis] != 1) throw new VaeModelException($"ONNX node {Node.Describe()} squeezes axis {a} whose size is {input[axis]}, not 1.");
                    remove[axis] = true;
                }
            }
            var shape = new List<int>();
            for (int i = 0; i < input.Length; i++) if (!remove[i]) shape.Add(input[i]);
            return shape.ToArray();
        }
    }
}
