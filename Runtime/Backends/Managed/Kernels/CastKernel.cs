using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>Cast to float or int64. Integer results must be computable while planning (shape arithmetic).</summary>
    internal sealed class CastKernel : OpKernel
    {
        private readonly bool _toFloat;

        public CastKernel(OnnxNode node) : base(node)
        {
            long to = node.GetInt("to", 0);
            if (to != (long)OnnxDataType.Float && to != (long)OnnxDataType.Int64)
                throw new VaeModelException($"ONNX node {node.Describe()} casts to data type {to}; the managed backend supports Cast to float (1) and int64 (7) only.");
            _toFloat = to == (long)OnnxDataType.Float;
        }

        public override NodeStep? Prepare(TensorSlot?[] inputs, TensorSlot[] outputs, ParallelLoops pool)
        {
            TensorSlot x = Required(inputs, 0);
            if (_toFloat == !x.IsInt)
            {
                outputs[0] = TensorSlot.View(x, x.Shape);
                return null;
            }
            if (_toFloat)
            {
                var values = new float[x.Length];
                for (int i = 0; i < values.Length; i++) values[i] = x.Ints![i];
                outputs[0] = new TensorSlot(x.Shape, values, null);
                return null;
            }
            throw new VaeModelException($"ONNX node {Node.Describe()} casts run-time float data to int64, which the managed backend does not support; integer tensors must come from shapes or constants.");
        }
    }
}
