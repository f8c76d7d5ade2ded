using System;

namespace VaeProcgen.Onnx
{
    /// <summary>A named node attribute (AttributeProto). Only the field matching <see cref="Type"/> is meaningful.</summary>
    internal sealed class OnnxAttribute
    {
        /// <summary>Attribute name, e.g. "strides".</summary>
        public string Name { get; set; } = "";
        /// <summary>Which value field is set.</summary>
        public OnnxAttributeType Type { get; set; }
        /// <summary>Value for <see cref="OnnxAttributeType.Float"/>.</summary>
        public float Float { get; set; }
        /// <summary>Value for <see cref="OnnxAttributeType.Int"/>.</summary>
        public long Int { get; set; }
        /// <summary>Value for <see cref="OnnxAttributeType.String"/>.</summary>
        public string String { get; set; } = "";
        /// <summary>Value for <see cref="OnnxAttributeType.Tensor"/>.</summary>
        public OnnxTensor? Tensor { get; set; }
        /// <summary>Value for <see cref="OnnxAttributeType.Floats"/>.</summary>
        public float[] Floats { get; set; } = Array.Empty<float>();
        /// <summary>Value for <see cref="OnnxAttributeType.Ints"/>.</summary>
        public long[] Ints { get; set; } = Array.Empty<long>();
        /// <summary>Value for <see cref="OnnxAttributeType.Strings"/>.</summary>
        public string[] Strings { get; set; } = Array.Empty<string>();

        /// <summary>Creates an integer attribute.</summary>
        public static OnnxAttribute Of(string name, long value) => new OnnxAttribute { Name = name, Type = OnnxAttributeType.Int, Int = value };
        /// <summary>Creates a float attribute.</summary>
        public static OnnxAttribute Of(string name, float value) => new OnnxAttribute { Name = name, Type = OnnxAttributeType.Float, Float = value };
        /// <summary>Creates a string attribute.</summary>
        public static OnnxAttribute Of(string name, string value) => new OnnxAttribute { Name = name, Type = OnnxAttributeType.String, String = value };
        /// <summary>Creates an integer-list attribute.</summary>
        public static OnnxAttribute Of(string name, params long[] values) => new OnnxAttribute { Name = name, Type = OnnxAttributeType.Ints, Ints = values };
        /// <summary>Creates a tensor attribute.</summary>
        public static OnnxAttribute Of(string name, OnnxTensor value) => new OnnxAttribute { Name = name, Type = OnnxAttributeType.Tensor, Tensor = value };
    }
}
