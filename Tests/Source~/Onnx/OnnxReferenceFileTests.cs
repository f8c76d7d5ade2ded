using System.IO;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Onnx;

namespace VaeProcgen.Tests.Onnx
{
    /// <summary>Reads a file written by the official onnx Python package (TestData/onnx/make_reference_model.py).</summary>
    [TestFixture]
    public class OnnxReferenceFileTests
    {
        private OnnxModel _model = null!;

        [OneTimeSetUp]
        public void ParseReferenceFile()
        {
            _model = OnnxParser.Parse(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "onnx", "reference_model.onnx"));
        }

        [Test]
        public void ModelFields_MatchTheGenerator()
        {
            Assert.That(_model.IrVersion, Is.GreaterThanOrEqualTo(7));
            Assert.That(_model.ProducerName, Is.EqualTo("onnx-python"));
            Assert.That(_model.ProducerVersion, Is.EqualTo("1.12"));
            Assert.That(_model.ModelVersion, Is.EqualTo(3));
            Assert.That(_model.DocString, Is.EqualTo("reference model"));
            Assert.That(_model.DefaultOpsetVersion, Is.EqualTo(13));
            Assert.That(_model.OpsetImports.Select(o => o.Key + ":" + o.Value), Is.EqualTo(new[] { ":13", "vaeprocgen.test:1" }));
            Assert.That(_model.MetadataProps.Single().Key, Is.EqualTo("vaeprocgen.contract"));
            Assert.That(_model.MetadataProps.Single().Value, Is.EqualTo("1"));
        }

        [Test]
        public void GraphInputsAndOutputs_KeepDynamicBatch()
        {
            OnnxGraph g = _model.Graph;
            Assert.That(g.Name, Is.EqualTo("reference"));
            Assert.That(g.DocString, Is.EqualTo("graph doc"));
            Assert.That(g.Inputs.Single().Name, Is.EqualTo("X"));
            Assert.That(g.Inputs.Single().ElementType, Is.EqualTo(OnnxDataType.Float));
            Assert.That(g.Inputs.Single().Shape!.Select(d => d.ToString()), Is.EqualTo(new[] { "N", "3" }));
            Assert.That(g.Outputs.Single().Shape!.Select(d => d.ToString()), Is.EqualTo(new[] { "N", "2" }));
        }

        [Test]
        public void Tensors_DecodeFromRawAndTypedFields()
        {
            OnnxGraph g = _model.Graph;
            Assert.That(Find("W_raw").Dims, Is.EqualTo(new long[] { 2, 3 }));
            Assert.That(Find("W_raw").FloatData, Is.EqualTo(new[] { 1.5f, -2f, 0.25f, 3f, 4f, -0.5f }).Within(1e-7f));
            Assert.That(Find("B_typed").FloatData, Is.EqualTo(new[] { 0.5f, -1f }).Within(1e-7f));
            Assert.That(Find("Shape_typed").Int64Data, Is.EqualTo(new long[] { -1, 2 }));
            Assert.That(Find("Shape_raw").Int64Data, Is.EqualTo(new long[] { 7, -8 }));
            Assert.That(Find("H_raw").DataType, Is.EqualTo(OnnxDataType.Float16));
            Assert.That(Find("H_raw").FloatData, Is.EqualTo(new[] { 1f, -0.5f }).Within(1e-7f));
            Assert.That(Find("I8_typed").Int64Data, Is.EqualTo(new long[] { -3, 0, 5 }));
            Assert.That(Find("D_typed").FloatData, Is.EqualTo(new[] { 0.125f, -8f }).Within(1e-7f));
            Assert.That(g.Initializers.All(t => !t.IsExternal), Is.True);
        }

        [Test]
        public void NodesAndAttributes_MatchTheGenerator()
        {
            OnnxGraph g = _model.Graph;
            Assert.That(g.Nodes.Select(n => n.OpType), Is.EqualTo(new[] { "Gemm", "Relu", "Reshape", "Constant", "Custom" }));
            OnnxNode gemm = g.Nodes[0];
            Assert.That(gemm.Name, Is.EqualTo("gemm"));
            Assert.That(gemm.Inputs, Is.EqualTo(new[] { "X", "W_raw", "B_typed" }));
            Assert.That(gemm.Outputs, Is.EqualTo(new[] { "Y0" }));
            Assert.That(gemm.FindAttribute("transB")!.Int, Is.EqualTo(1));
            Assert.That(gemm.FindAttribute("alpha")!.Type, Is.EqualTo(OnnxAttributeType.Float));
            Assert.That(gemm.FindAttribute("alpha")!.Float, Is.EqualTo(1f).Within(1e-7f));
            Assert.That(g.Nodes[1].DocString, Is.EqualTo("rectifier"));
            OnnxTensor constant = g.Nodes[3].FindAttribute("value")!.Tensor!;
            Assert.That(constant.FloatData, Is.EqualTo(new[] { 2f }).Within(1e-7f));
            OnnxNode custom = g.Nodes[4];
            Assert.That(custom.Domain, Is.EqualTo("vaeprocgen.test"));
            Assert.That(custom.FindAttribute("floats")!.Floats, Is.EqualTo(new[] { 0.5f, 1.5f }).Within(1e-7f));
            Assert.That(custom.FindAttribute("ints")!.Ints, Is.EqualTo(new long[] { 1, 2, 3 }));
            Assert.That(custom.FindAttribute("strings")!.Strings, Is.EqualTo(new[] { "a", "bc" }));
            Assert.That(custom.FindAttribute("mode")!.String, Is.EqualTo("edge"));
        }

        private OnnxTensor Find(string name) => _model.Graph.Initializers.Single(t => t.Name == name);
    }
}
