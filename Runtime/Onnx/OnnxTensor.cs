using System;
using System.Collections.Generic;

namespace VaeProcgen.Onnx
{
    /// <summary>
    /// A constant tensor (TensorProto): an initializer or a Constant value. The reader decodes raw_data
    /// and the typed fields into <see cref="FloatData"/> (Float, Double, Float16) or <see cref="Int64Data"/>
    /// (all integer and bool types); the writer stores them as little-endian raw_data.
    /// </summary>
    internal sealed class OnnxTensor
    {
        /// <summary>Tensor name (the value name other nodes refer to).</summary>
        public string Name { get; set; } = "";
        /// <summary>Element type as declared in the file.</summary>
        public OnnxDataType DataType { get; set; } = OnnxDataType.Float;
        /// <summary>Shape; empty for a scalar.</summary>
        public long[] Dims { get; set; } = Array.Empty<long>();
        /// <summary>Values of a floating-point tensor, row-major.</summary>
        public float[] FloatData { get; set; } = Array.Empty<float>();
        /// <summary>Values of an integer or bool tensor, row-major.</summary>
        public long[] Int64Data { get; set; } = Array.Empty<long>();
        /// <summary>True when the file says the data lives in an external file (data_location = EXTERNAL).</summary>
        public bool IsExternal { get; set; }
        /// <summary>The external_data key/value pairs (location, offset, length, ...) as found in the file.</summary>
        public List<KeyValuePair<string, string>> ExternalData { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>Number of elements implied by <see cref="Dims"/>.</summary>
        public long ElementCount
        {
            get
            {
                long count = 1;
                foreach (long d in Dims) count *= d;
                return count;
            }
        }

        /// <summary>Creates a float tensor that takes ownership of <paramref name="values"/>.</summary>
        public static OnnxTensor FromFloats(string name, long[] dims, float[] values) =>
            new OnnxTensor { Name = name, DataType = OnnxDataType.Float, Dims = dims, FloatData = values };

        /// <summary>Creates an int64 tensor that takes ownership of <paramref name="values"/>.</summary>
        public static OnnxTensor FromInt64s(string name, long[] dims, long[] values) =>
            new OnnxTensor { Name = name, DataType = OnnxDataType.Int64, Dims = dims, Int64Data = values };
    }
}
