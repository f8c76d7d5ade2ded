using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>Constant: its value is built once at load and shared by every planned batch size.</summary>
    internal sealed class ConstantKernel : OpKernel
    {
        private readonly TensorSlot _value;

        public ConstantKernel(OnnxNode node) : base(node)
        {
            OnnxAttribute? a = node.Attributes.Count > 0 ? node.Attributes[0] : null;
            _value = a?.Name switch
            {
                "value" when a.Tensor != null => SlotFromTensor(a.Tensor, node),
                "value_float" => new TensorSlot(new int[0], new[] { a.Float }, null),
                "value_floats" => new TensorSlot(new[] { a.Floats.Length }, (float[])a.Floats.Clone(), null),
                "value_int" => new TensorSlot(new int[0], null, new[] { a.Int }),
                "value_ints" => new TensorSlot(new[] { a.Ints.Length }, null, (long[])a.Ints.Clone()),
                _ => throw new VaeModelException($"ONNX node {node.Describe()} has no value the managed backend can read (supported: value, value_float(s), value_int(s))."),
            };
        }

        public override NodeStep? Prepare(TensorSlot?[] inputs, TensorSlot[] outputs, ParallelLoops pool)
        {
            outputs[0] = _value;
            return null;
        }

        /// <summary>Converts an initializer or constant tensor into a slot (float for floating types, int64 for integer types).</summary>
        public static TensorSlot SlotFromTensor(OnnxTensor tensor, OnnxNode? node)
        {
            int[] shape = ShapeMath.FromLongs(tensor.Dims);
            string where = node == null ? $"initializer '{tensor.Name}'" : $"ONNX node {node.Describe()}";
            if (tensor.IsExternal) throw new VaeModelException($"The {where} stores its data in an external file, which the managed backend does not load; re-export with the weights embedded.");
            bool isFloat = tensor.DataType == OnnxDataType.Float || tensor.DataType == OnnxDataType.Double || tensor.DataType == OnnxDataType.Float16;
            int count = ShapeMath.Count(shape);
            if (isFloat)
            {
                if (tensor.FloatData.Length != count) throw new VaeModelException($"The {where} declares {count} values but holds {tensor.FloatData.Length}.");
                return new TensorSlot(shape, tensor.FloatData, null);
            }
            if (tensor.Int64Data.Length != count) throw new VaeModelException($"The {where} declares {count} values but holds {tensor.Int64Data.Length}.");
            return new TensorSlot(shape, null, tensor.Int64Data);
        }
    }
}
