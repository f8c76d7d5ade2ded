using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NUnit.Framework;
using VaeProcgen.Onnx;

namespace VaeProcgen.Tests.Onnx
{
    /// <summary>Runs a model written by <see cref="OnnxSerializer"/> in ONNX Runtime and checks it against C#.</summary>
    [TestFixture]
    public class OnnxRuntimeInteropTests
    {
        private const int Features = 4, Hidden = 6, OutChannels = 2;
        private static readonly float[] GemmWeights = Sequence(Hidden * Features, 0.05f, -0.6f);
        private static readonly float[] GemmBias = Sequence(Hidden, 0.1f, -0.2f);
        private static readonly float[] ConvWeights = Sequence(OutChannels * 1 * 2 * 2, -0.15f, 0.7f);
        private static readonly float[] ConvBias = { 0.05f, -0.1f };

        [Test]
        public void SerializedGraph_RunsInOnnxRuntime_AndMatchesReferenceComputation()
        {
            byte[] bytes = OnnxSerializer.Serialize(BuildModel());
            const int batch = 3;
            float[] input = Sequence(batch * Features, 0.3f, -1.7f);

            using var session = new InferenceSession(bytes);
            var feeds = new List<NamedOnnxValue> { NamedOnnxValue.CreateFromTensor("x", new DenseTensor<float>(input, new[] { batch, Features })) };
            using var results = session.Run(feeds);
            Tensor<float> output = results.Single().AsTensor<float>();

            Assert.That(output.Dimensions.ToArray(), Is.EqualTo(new[] { batch, OutChannels, 2, 2 }));
            Assert.That(output.ToArray(), Is.EqualTo(Reference(input, batch)).Within(1e-5f));
        }

        [Test]
        public void MetadataProps_AreVisibleToOnnxRuntime()
        {
            using var session = new InferenceSession(OnnxSerializer.Serialize(BuildModel()));

            Dictionary<string, string> map = session.ModelMetadata.CustomMetadataMap;

            Assert.That(map["vaeprocgen.contract"], Is.EqualTo("1"));
            Assert.That(map["latent_dim"], Is.EqualTo("16"));
            Assert.That(session.ModelMetadata.ProducerName, Is.EqualTo("vaeprocgen-tests"));
        }

        [Test]
        public void DynamicBatch_IsReportedBySessionMetadata()
        {
            using var session = new InferenceSession(OnnxSerializer.Serialize(BuildModel()));

            Assert.That(session.InputMetadata["x"].Dimensions, Is.EqualTo(new[] { -1, Features }));
            Assert.That(session.InputMetadata["x"].SymbolicDimensions[0], Is.EqualTo("N"));
            Assert.That(session.OutputMetadata["y"].SymbolicDimensions[0], Is.EqualTo("N"));
        }

        /// <summary>x[N,4] → Gemm(transB) → Relu → Reshape[N,1,2,3] → Conv(2x2, pads 1, strides 2) → Sigmoid → y[N,2,2,2].</summary>
        internal static OnnxModel BuildModel()
        {
            var model = new OnnxModel { IrVersion = 8, ProducerName = "vaeprocgen-tests", ProducerVersion = "0.1" };
            model.OpsetImports.Add(new KeyValuePair<string, long>("", 13));
            model.MetadataProps.Add(new KeyValuePair<string, string>("vaeprocgen.contract", "1"));
            model.MetadataProps.Add(new KeyValuePair<string, string>("latent_dim", "16"));
            OnnxGraph g = model.Graph;
            g.Name = "interop";
            g.Inputs.Add(OnnxValueInfo.Batched("x", Features));
            g.Outputs.Add(OnnxValueInfo.Batched("y", OutChannels, 2, 2));
            g.Initializers.Add(OnnxTensor.FromFloats("gemm_w", new long[] { Hidden, Features }, GemmWeights));
            g.Initializers.Add(OnnxTensor.FromFloats("gemm_b", new long[] { Hidden }, GemmBias));
            g.Initializers.Add(OnnxTensor.FromInt64s("image_shape", new long[] { 4 }, new long[] { -1, 1, 2, 3 }));
            g.Initializers.Add(OnnxTensor.FromFloats("conv_w", new long[] { OutChannels, 1, 2, 2 }, ConvWeights));
            g.Initializers.Add(OnnxTensor.FromFloats("conv_b", new long[] { OutChannels }, ConvBias));
            g.Nodes.Add(Node("Gemm", new[] { "x", "gemm_w", "gemm_b" }, "h", OnnxAttribute.Of("transB", 1L)));
            g.Nodes.Add(Node("Relu", new[] { "h" }, "h_relu"));
            g.Nodes.Add(Node("Reshape", new[] { "h_relu", "image_shape" }, "image"));
            g.Nodes.Add(Node("Conv", new[] { "image", "conv_w", "conv_b" }, "conv",
                OnnxAttribute.Of("kernel_shape", 2L, 2L), OnnxAttribute.Of("pads", 1L, 1L, 1L, 1L), OnnxAttribute.Of("strides", 2L, 2L)));
            g.Nodes.Add(Node("Sigmoid", new[] { "conv" }, "y"));
            return model;
        }

        private static OnnxNode Node(string op, string[] inputs, string output, params OnnxAttribute[] attributes)
        {
            var node = new OnnxNode { Name = op.ToLowerInvariant(), OpType = op };
            node.Inputs.AddRange(inputs);
            node.Outputs.Add(output);
            node.Attributes.AddRange(attributes);
            return node;
        }

        private static float[] Reference(float[] input, int batch)
        {
            var output = new float[batch * OutChannels * 2 * 2];
            for (int n = 0; n < batch; n++)
            {
                var image = new float[Hidden]; // 1 channel, 2 rows, 3 columns
                for (int j = 0; j < Hidden; j++)
                {
                    float sum = GemmBias[j];
                    for (int k = 0; k < Features; k++) sum += input[n * Features + k] * GemmWeights[j * Features + k];
                    image[j] = Math.Max(0f, sum);
                }
                for (int c = 0; c < OutChannels; c++)
                for (int oy = 0; oy < 2; oy++)
                for (int ox = 0; ox < 2; ox++)
                {
                    float sum = ConvBias[c];
                    for (int ky = 0; ky < 2; ky++)
                    for (int kx = 0; kx < 2; kx++)
                    {
                        int y = oy * 2 + ky - 1, x = ox * 2 + kx - 1;
                        if (y < 0 || y >= 2 || x < 0 || x >= 3) continue;
                        sum += image[y * 3 + x] * ConvWeights[(c * 2 + ky) * 2 + kx];
                    }
                    output[((n * OutChannels + c) * 2 + oy) * 2 + ox] = 1f / (1f + MathF.Exp(-sum));
                }
            }
            return output;
        }

        private static float[] Sequence(int count, float step, float start)
        {
            var values = new float[count];
            for (int i = 0; i < count; i++) values[i] = start + step * i * (i % 2 == 0 ? 1 : -1);
            return values;
        }
    }
}
