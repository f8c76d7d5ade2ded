using System;

namespace VaeProcgen.Onnx
{
    /// <summary>A graph input or output (ValueInfoProto with a tensor type).</summary>
    internal sealed class OnnxValueInfo
    {
        /// <summary>Value name.</summary>
        public string Name { get; set; } = "";
        /// <summary>Element type.</summary>
        public OnnxDataType ElementType { get; set; } = OnnxDataType.Float;
        /// <summary>Shape; null when the file declares no shape.</summary>
        public OnnxDimension[]? Shape { get; set; }

        /// <summary>Creates a float value whose first dimension is the symbolic batch size "N".</summary>
        public static OnnxValueInfo Batched(string name, params long[] perItemShape)
        {
            var shape = new OnnxDimension[perItemShape.Length + 1];
            shape[0] = new OnnxDimension("N");
            for (int i = 0; i < perItemShape.Length; i++) shape[i + 1] = new OnnxDimension(perItemShape[i]);
            return new OnnxValueInfo { Name = name, ElementType = OnnxDataType.Float, Shape = shape };
        }
    }
}
