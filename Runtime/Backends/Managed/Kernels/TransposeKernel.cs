using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>Transpose with the perm attribute (default: reverse the axes).</summary>
    internal sealed class TransposeKernel : OpKernel
    {
        public TransposeKernel(OnnxNode node) : base(node) { }

        public override NodeStep? Prepare(TensorSlot?[] inputs, TensorSlot[] outputs, ParallelLoops pool)
        {
            TensorSlot x = Required(inputs, 0);
            int rank = x.Rank;
            long[]? permAttr = Node.GetInts("perm");
            var perm = new int[rank];
            for (int i = 0; i < rank; i++) perm[i] = permAttr == null || permAttr.Length == 0 ? rank - 1 - i : ShapeMath.NormalizeAxis(permAttr[i], rank, Node.Name);
            if (permAttr != null && permAttr.Length != 0 && permAttr.Length != rank)
                throw new VaeModelException($"ONNX node {Node.Describe()} has a perm of length {permAttr.Length} for a rank-{rank} input.");
            int[] inStrides = ShapeMath.Strides(x.Shape);
            var outShape = new int[rank];
            var strides = new int[rank];
            for (int i = 0; i < rank; i++) { outShape[i] = x.Shape[perm[i]]; strides[i] = inStrides[perm[i]]; }
            var map = new int[x.Length];
            var counter = new int[rank];
            for (int i = 0; i < map.Length; i++)
            {
                int src = 0;
                for (int d = 0; d < rank; d++) src += counter[d] * strides[d];
                map[i] = src;
                for (int d = rank - 1; d >= 0; d--) { if (++counter[d] < outShape[d]) break; counter[d] = 0; }
            }
            NodeStep? step = IndexMapStep.Apply(x, outShape, map, out TensorSlot output);
            outputs[0] = output;
            return step;
        }
    }
}
