namespace VaeProcgen.Onnx
{
    /// <summary>Kinds of node attributes (values of AttributeProto.AttributeType in onnx.proto).</summary>
    internal enum OnnxAttributeType
    {
        /// <summary>Not set.</summary>
        Undefined = 0,
        /// <summary>One float in <see cref="OnnxAttribute.Float"/>.</summary>
        Float = 1,
        /// <summary>One integer in <see cref="OnnxAttribute.Int"/>.</summary>
        Int = 2,
        /// <summary>One string in <see cref="OnnxAttribute.String"/>.</summary>
        String = 3,
        /// <summary>One tensor in <see cref="OnnxAttribute.Tensor"/>.</summary>
        Tensor = 4,
        /// <summary>A sub-graph (not supported by VaeProcgen; kept as unknown).</summary>
        Graph = 5,
        /// <summary>A list of floats in <see cref="OnnxAttribute.Floats"/>.</summary>
        Floats = 6,
        /// <summary>A list of integers in <see cref="OnnxAttribute.Ints"/>.</summary>
        Ints = 7,
        /// <summary>A list of strings in <see cref="OnnxAttribute.Strings"/>.</summary>
        Strings = 8,
    }
}
