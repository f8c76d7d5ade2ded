using NUnit.Framework;
using VaeProcgen.Onnx;

namespace VaeProcgen.Tests.Onnx
{
    /// <summary>Field-by-field comparison of ONNX object models.</summary>
    internal static class OnnxModelAssert
    {
        public static void AreEqual(OnnxModel expected, OnnxModel actual)
        {
            Assert.That(actual.IrVersion, Is.EqualTo(expected.IrVersion), "ir_version");
            Assert.That(actual.ProducerName, Is.EqualTo(expected.ProducerName), "producer_name");
            Assert.That(actual.ProducerVersion, Is.EqualTo(expected.ProducerVersion), "producer_version");
            Assert.That(actual.Domain, Is.EqualTo(expected.Domain), "domain");
            Assert.That(actual.ModelVersion, Is.EqualTo(expected.ModelVersion), "model_version");
            Assert.That(actual.DocString, Is.EqualTo(expected.DocString), "doc_string");
            Assert.That(actual.OpsetImports, Is.EqualTo(expected.OpsetImports), "opset_import");
            Assert.That(actual.MetadataProps, Is.EqualTo(expected.MetadataProps), "metadata_props");
            AreEqual(expected.Graph, actual.Graph);
        }

        private static void AreEqual(OnnxGraph expected, OnnxGraph actual)
        {
            Assert.That(actual.Name, Is.EqualTo(expected.Name), "graph name");
            Assert.That(actual.DocString, Is.EqualTo(expected.DocString), "graph doc_string");
            Assert.That(actual.Nodes, Has.Count.EqualTo(expected.Nodes.Count), "node count");
            for (int i = 0; i < expected.Nodes.Count; i++) AreEqual(expected.Nodes[i], actual.Nodes[i]);
            Assert.That(actual.Initializers, Has.Count.EqualTo(expected.Initializers.Count), "initializer count");
            for (int i = 0; i < expected.Initializers.Count; i++) AreEqual(expected.Initializers[i], actual.Initializers[i]);
            AreEqual(expected.Inputs.ToArray(), actual.Inputs.ToArray());
            AreEqual(expected.Outputs.ToArray(), actual.Outputs.ToArray());
            AreEqual(expected.ValueInfos.ToArray(), actual.ValueInfos.ToArray());
        }

        private static void AreEqual(OnnxNode expected, OnnxNode actual)
        {
            string at = $"node '{expected.Name}'";
            Assert.That(actual.Name, Is.EqualTo(expected.Name), at);
            Assert.That(actual.OpType, Is.EqualTo(expected.OpType), at);
            Assert.That(actual.Domain, Is.EqualTo(expected.Domain), at);
            Assert.That(actual.DocString, Is.EqualTo(expected.DocString), at);
            Assert.That(actual.Inputs, Is.EqualTo(expected.Inputs), at);
            Assert.That(actual.Outputs, Is.EqualTo(expected.Outputs), at);
            Assert.That(actual.Attributes, Has.Count.EqualTo(expected.Attributes.Count), at);
            for (int i = 0; i < expected.Attributes.Count; i++) AreEqual(expected.Attributes[i], actual.Attributes[i]);
        }

        public static void AreEqual(OnnxAttribute expected, OnnxAttribute actual)
        {
            string at = $"attribute '{expected.Name}'";
            Assert.That(actual.Name, Is.EqualTo(expected.Name), at);
            Assert.That(actual.Type, Is.EqualTo(expected.Type), at);
            Assert.That(actual.Float, Is.EqualTo(expected.Float).Within(0f), at);
            Assert.That(actual.Int, Is.EqualTo(expected.Int), at);
            Assert.That(actual.String, Is.EqualTo(expected.String), at);
            Assert.That(actual.Floats, Is.EqualTo(expected.Floats).Within(0f), at);
            Assert.That(actual.Ints, Is.EqualTo(expected.Ints), at);
            Assert.That(actual.Strings, Is.EqualTo(expected.Strings), at);
            Assert.That(actual.Tensor == null, Is.EqualTo(expected.Tensor == null), at);
            if (expected.Tensor != null) AreEqual(expected.Tensor, actual.Tensor!);
        }

        public static void AreEqual(OnnxTensor expected, OnnxTensor actual)
        {
            string at = $"tensor '{expected.Name}'";
            Assert.That(actual.Name, Is.EqualTo(expected.Name), at);
            Assert.That(actual.DataType, Is.EqualTo(expected.DataType), at);
            Assert.That(actual.Dims, Is.EqualTo(expected.Dims), at);
            Assert.That(actual.FloatData, Is.EqualTo(expected.FloatData).Within(0f), at);
            Assert.That(actual.Int64Data, Is.EqualTo(expected.Int64Data), at);
            Assert.That(actual.IsExternal, Is.EqualTo(expected.IsExternal), at);
            Assert.That(actual.ExternalData, Is.EqualTo(expected.ExternalData), at);
        }

        private static void AreEqual(OnnxValueInfo[] expected, OnnxValueInfo[] actual)
        {
            Assert.That(actual, Has.Length.EqualTo(expected.Length), "value info count");
            for (int i = 0; i < expected.Length; i++)
            {
                string at = $"value '{expected[i].Name}'";
                Assert.That(actual[i].Name, Is.EqualTo(expected[i].Name), at);
                Assert.That(actual[i].ElementType, Is.EqualTo(expected[i].ElementType), at);
                Assert.That(actual[i].Shape == null, Is.EqualTo(expected[i].Shape == null), at);
                if (expected[i].Shape == null) continue;
                Assert.That(actual[i].Shape!.Length, Is.EqualTo(expected[i].Shape!.Length), at);
                for (int d = 0; d < expected[i].Shape!.Length; d++)
                {
                    Assert.That(actual[i].Shape![d].Value, Is.EqualTo(expected[i].Shape![d].Value), at + " dim " + d);
                    Assert.That(actual[i].Shape![d].Symbol, Is.EqualTo(expected[i].Shape![d].Symbol), at + " dim " + d);
                }
            }
        }
    }
}
