using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>Gather along one axis with constant (or shape-derived) int64 indices; negative indices count from the end.</summary>
    internal sealed class GatherKernel : OpKernel
    {
        public GatherKernel(OnnxNode node) : base(node) { }

        public override NodeStep? Prepare(TensorSlot?[] inputs, TensorSlot[] outputs, ParallelLoops pool)
        {
            TensorSlot data = Required(inputs, 0), indicesSlot = Required(inputs, 1);
            long[] indices = indicesSlot.RequireInts(Node.Describe() + " indices");
            int axis = ShapeMath.NormalizeAxis(Node.GetInt("axis", 0), data.Rank, Node.Name);
            int[] ds = data.Shape, isx = indicesSlot.Shape;
            var outShape = new int[ds.Length - 1 + isx.Length];
            int o = 0;
            for (int i = 0; i < axis; i++) outShape[o++] = ds[i];
            foreach (int d in isx) outShape[o++] = d;
            for (int i = axis + 1; i < ds.Length; i++) outShape[o++] = ds[i];
            int outer = ShapeMath.Count(ds, 0, axis), inner = ShapeMath.Count(ds, axis + 1, ds.Length), axisSize = ds[axis];
            var map = new int[outer * indices.Length * inner];
            int m = 0;
            for (int b = 0; b < outer; b++)
            {
                foreach (long raw in indices)
                {
                    long idx = raw < 0 ? raw + axisSize : raw;
                    if (idx < 0 || idx >= axisSize) throw new VaeModelException($"ONNX node {Node.Describe()} gathers index {raw} from an axis of size {axisSize}.");
                    int src = (b * axisSize + (int)idx) * inner;
                    for (int j = 0; j < inner; j++) map[m++] = src + j;
                }
            }
            NodeStep? step = IndexMapStep.Apply(data, outShape, map, out TensorSlot output);
            outputs[0] = output;
            return step;
        }
    }
}
