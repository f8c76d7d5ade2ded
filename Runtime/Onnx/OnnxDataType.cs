namespace VaeProcgen.Onnx
{
    /// <summary>Element types of ONNX tensors (values of TensorProto.DataType in onnx.proto).</summary>
    internal enum OnnxDataType
    {
        /// <summary>Not set.</summary>
        Undefined = 0,
        /// <summary>32-bit IEEE float.</summary>
        Float = 1,
        /// <summary>Unsigned 8-bit integer.</summary>
        UInt8 = 2,
        /// <summary>Signed 8-bit integer.</summary>
        Int8 = 3,
        /// <summary>Unsigned 16-bit integer.</summary>
        UInt16 = 4,
        /// <summary>Signed 16-bit integer.</summary>
        Int16 = 5,
        /// <summary>Signed 32-bit integer.</summary>
        Int32 = 6,
        /// <summary>Signed 64-bit integer.</summary>
        Int64 = 7,
        /// <summary>UTF-8 string.</summary>
        String = 8,
        /// <summary>Boolean.</summary>
        Bool = 9,
        /// <summary>16-bit IEEE float.</summary>
        Float16 = 10,
        /// <summary>64-bit IEEE float.</summary>
        Double = 11,
        /// <summary>Unsigned 32-bit integer.</summary>
        UInt32 = 12,
        /// <summary>Unsigned 64-bit integer (values above <see cref="long.MaxValue"/> wrap when held in <see cref="OnnxTensor.Int64Data"/>).</summary>
        UInt64 = 13,
        /// <summary>16-bit brain float (8 exponent bits).</summary>
        BFloat16 = 16,
    }
}
