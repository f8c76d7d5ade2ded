using System.Collections.Generic;
using VaeProcgen.Onnx;

namespace VaeProcgen.Tests.Onnx
{
    /// <summary>Models built in code for the ONNX reader/writer tests.</summary>
    internal static class OnnxTestModels
    {
        /// <summary>A model using every attribute kind, many tensor types, metadata and dynamic dims.</summary>
        public static OnnxModel EveryFeature()
        {
            var model = new OnnxModel
            {
                IrVersion = 8, ProducerName = "vaeprocgen-tests", ProducerVersion = "0.1", Domain = "ai.vaeprocgen",
                ModelVersion = 42, DocString = "round trip",
            };
            model.OpsetImports.Add(new KeyValuePair<string, long>("", 13));
            model.OpsetImports.Add(new KeyValuePair<string, long>("vaeprocgen.custom", 2));
            model.MetadataProps.Add(new KeyValuePair<string, string>("vaeprocgen.contract", "1"));
            model.MetadataProps.Add(new KeyValuePair<string, string>("note", "ünïcödé ✓"));

            OnnxGraph g = model.Graph;
            g.Name = "main";
            g.DocString = "graph doc";
            g.Inputs.Add(OnnxValueInfo.Batched("x", 3, 4));
            g.Inputs.Add(new OnnxValueInfo { Name = "unshaped", ElementType = OnnxDataType.Int64, Shape = null });
            g.Outputs.Add(new OnnxValueInfo { Name = "y", Shape = new[] { new OnnxDimension("N"), new OnnxDimension(), new OnnxDimension(0) } });
            g.ValueInfos.Add(new OnnxValueInfo { Name = "mid", ElementType = OnnxDataType.Double, Shape = new OnnxDimension[0] });

            g.Initializers.Add(OnnxTensor.FromFloats("w", new long[] { 2, 3 }, new[] { 1.5f, -2f, 0f, float.MaxValue, 1e-30f, -0f }));
            g.Initializers.Add(OnnxTensor.FromInt64s("shape", new long[] { 3 }, new[] { -1L, long.MaxValue, long.MinValue }));
            g.Initializers.Add(OnnxTensor.FromFloats("scalar", new long[0], new[] { 3.25f }));
            g.Initializers.Add(OnnxTensor.FromFloats("empty", new long[] { 0, 5 }, new float[0]));
            g.Initializers.Add(Typed("double", OnnxDataType.Double, 0.1f, -7f));
            g.Initializers.Add(Typed("half", OnnxDataType.Float16, 1f, -0.5f, 65504f, 0.000061035156f));
            g.Initializers.Add(Typed("bf16", OnnxDataType.BFloat16, 1f, -2.5f, 3.140625f));
            g.Initializers.Add(Ints("i8", OnnxDataType.Int8, -128, 0, 127));
            g.Initializers.Add(Ints("u8", OnnxDataType.UInt8, 0, 255));
            g.Initializers.Add(Ints("i16", OnnxDataType.Int16, -32768, 32767));
            g.Initializers.Add(Ints("u16", OnnxDataType.UInt16, 65535));
            g.Initializers.Add(Ints("i32", OnnxDataType.Int32, int.MinValue, int.MaxValue));
            g.Initializers.Add(Ints("u32", OnnxDataType.UInt32, uint.MaxValue));
            g.Initializers.Add(Ints("bool", OnnxDataType.Bool, 1, 0, 1));
            var external = new OnnxTensor { Name = "ext", DataType = OnnxDataType.Float, Dims = new long[] { 1000, 10 }, IsExternal = true };
            external.ExternalData.Add(new KeyValuePair<string, string>("location", "weights.bin"));
            external.ExternalData.Add(new KeyValuePair<string, string>("offset", "4096"));
            external.ExternalData.Add(new KeyValuePair<string, string>("length", "40000"));
            g.Initializers.Add(external);

            var node = new OnnxNode { Name = "every_attribute", OpType = "Everything", Domain = "vaeprocgen.custom", DocString = "node doc" };
            node.Inputs.Add("x");
            node.Inputs.Add("");
            node.Inputs.Add("w");
            node.Outputs.Add("y");
            node.Attributes.Add(OnnxAttribute.Of("f", 0.375f));
            node.Attributes.Add(OnnxAttribute.Of("i", -5L));
            node.Attributes.Add(OnnxAttribute.Of("s", "text ✓"));
            node.Attributes.Add(OnnxAttribute.Of("t", OnnxTensor.FromFloats("t", new long[] { 2 }, new[] { 9f, -9f })));
            node.Attributes.Add(new OnnxAttribute { Name = "g", Type = OnnxAttributeType.Graph });
            node.Attributes.Add(new OnnxAttribute { Name = "floats", Type = OnnxAttributeType.Floats, Floats = new[] { 1f, -2.5f, 1e10f } });
            node.Attributes.Add(OnnxAttribute.Of("ints", 1L, -1L, long.MaxValue));
            node.Attributes.Add(new OnnxAttribute { Name = "strings", Type = OnnxAttributeType.Strings, Strings = new[] { "a", "", "ccc" } });
            g.Nodes.Add(node);
            var relu = new OnnxNode { OpType = "Relu" };
            relu.Inputs.Add("y");
            relu.Outputs.Add("z");
            g.Nodes.Add(relu);
            return model;
        }

        private static OnnxTensor Typed(string name, OnnxDataType type, params float[] values) =>
            new OnnxTensor { Name = name, DataType = type, Dims = new long[] { values.Length }, FloatData = values };

        private static OnnxTensor Ints(string name, OnnxDataType type, params long[] values) =>
            new OnnxTensor { Name = name, DataType = type, Dims = new long[] { values.Length }, Int64Data = values };
    }
}
