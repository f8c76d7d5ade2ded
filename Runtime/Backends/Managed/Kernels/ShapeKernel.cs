using System;
using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>Shape (with the opset-15 start/end attributes): an int64 vector computed while planning.</summary>
    internal sealed class ShapeKernel : OpKernel
    {
        public ShapeKernel(OnnxNode node) : base(node) { }

        public override NodeStep? Prepare(TensorSlot?[] inputs, TensorSlot[] outputs, ParallelLoops pool)
        {
            int[] shape = Required(inputs, 0).Shape;
            int rank = shape.Length;
            int start = Clamp(Node.GetInt("start", 0), rank);
            int end = Clamp(Node.GetInt("end", rank), rank);
            int count = Math.Max(0, end - start);
            var values = new long[count];
            for (int i = 0; i < count; i++) values[i] = shape[start + i];
            outputs[0] = new TensorSlot(new[] { count }, null, values);
            return null;
        }

        private static int Clamp(long index, int rank)
        {
            if (index < 0) index += rank;
            return (int)Math.Max(0, Math.Min(rank, index));
        }
    }
}
