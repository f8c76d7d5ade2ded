using System;
using NUnit.Framework;
using VaeProcgen.Onnx;

namespace VaeProcgen.Tests.Managed
{
    [TestFixture]
    public class ElementwiseAndShapeTests
    {
        [TestCase("Add")]
        [TestCase("Mul")]
        [TestCase("Sub")]
        [TestCase("Div")]
        public void Binary_BroadcastsPerChannelAndRow(string op)
        {
            const int batch = 2;
            float[] x = ModelBuilder.Random(20, batch * 3 * 4 * 5);
            float[] perChannel = ModelBuilder.Random(21, 3);
            for (int i = 0; i < 3; i++) perChannel[i] += 2f;
            float[] row = ModelBuilder.Random(22, 5);
            var model = new ModelBuilder().Input("x", 3, 4, 5).Init("c", new long[] { 3, 1, 1 }, perChannel).Init("r", new long[] { 5 }, row)
                .Node(op, new[] { "x", "c" }, new[] { "t" }).Node(op, new[] { "r", "t" }, new[] { "y" }).Output("y").Build();
            float[] actual = ModelBuilder.RunManaged(model, batch, x);
            Func<float, float, float> f = op switch { "Add" => (a, b) => a + b, "Mul" => (a, b) => a * b, "Sub" => (a, b) => a - b, _ => (a, b) => a / b };
            var expected = new float[x.Length];
            for (int i = 0; i < x.Length; i++) expected[i] = f(row[i % 5], f(x[i], perChannel[i / 20 % 3]));
            ModelBuilder.AssertClose(expected, actual, 1e-5f);
        }

        [TestCase(-1)]
        [TestCase(1)]
        [TestCase(2)]
        public void Softmax_Opset13_NormalizesAlongAxis(int axis)
        {
            const int batch = 2, a = 3, b = 4;
            float[] x = ModelBuilder.Random(23, batch * a * b, 3f);
            var model = new ModelBuilder(13).Input("x", a, b).Node("Softmax", new[] { "x" }, new[] { "y" }, OnnxAttribute.Of("axis", (long)axis)).Output("y").Build();
            float[] actual = ModelBuilder.RunManaged(model, batch, x);
            int ax = axis < 0 ? 2 : axis;
            var expected = new float[x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                int n = i / (a * b), r = i / b % a, c = i % b;
                double sum = 0;
                int size = ax == 0 ? batch : ax == 1 ? a : b;
                for (int j = 0; j < size; j++)
                {
                    int idx = ax == 0 ? (j * a + r) * b + c : ax == 1 ? (n * a + j) * b + c : (n * a + r) * b + j;
                    sum += Math.Exp(x[idx]);
                }
                expected[i] = (float)(Math.Exp(x[i]) / sum);
            }
            ModelBuilder.AssertClose(expected, actual, 1e-6f);
        }

        [Test]
        public void Softmax_Opset11_CoercesTo2D()
        {
            float[] x = ModelBuilder.Random(24, 2 * 3 * 4, 2f);
            var model = new ModelBuilder(11).Input("x", 3, 4).Node("Softmax", new[] { "x" }, new[] { "y" }).Output("y").Build();
            float[] actual = ModelBuilder.RunManaged(model, 2, x);
            for (int n = 0; n < 2; n++)
            {
                double sum = 0;
                for (int j = 0; j < 12; j++) sum += Math.Exp(x[n * 12 + j]);
                for (int j = 0; j < 12; j++) Assert.That(actual[n * 12 + j], Is.EqualTo(Math.Exp(x[n * 12 + j]) / sum).Within(1e-6));
            }
        }

        [Test]
        public void ReshapeFlattenTranspose_MoveElementsCorrectly()
        {
            const int batch = 2;
            float[] x = ModelBuilder.Random(25, batch * 24);
            var model = new ModelBuilder().Input("x", 2, 3, 4).InitInts("shape", 0, 4, -1)
                .Node("Reshape", new[] { "x", "shape" }, new[] { "r" })
                .Node("Transpose", new[] { "r" }, new[] { "t" }, OnnxAttribute.Of("perm", 0L, 2L, 1L))
                .Node("Flatten", new[] { "t" }, new[] { "y" }, OnnxAttribute.Of("axis", 1L)).Output("y").Build();
            float[] actual = ModelBuilder.RunManaged(model, batch, x);
            var expected = new float[x.Length];
            for (int n = 0; n < batch; n++)
                for (int i = 0; i < 4; i++)
                    for (int j = 0; j < 6; j++) expected[n * 24 + j * 4 + i] = x[n * 24 + i * 6 + j];
            Assert.That(actual, Is.EqualTo(expected));
        }

        [TestCase(1)]
        [TestCase(3)]
        public void ShapeGatherUnsqueezeConcatReshape_FlattensLikePyTorchExport(int batch)
        {
            float[] x = ModelBuilder.Random(26, batch * 2 * 3 * 4);
            var model = new ModelBuilder(13).Input("x", 2, 3, 4)
                .InitScalarInt("zero", 0).InitInts("axes0", 0).InitInts("minus1", -1)
                .Node("Shape", new[] { "x" }, new[] { "s" })
                .Node("Gather", new[] { "s", "zero" }, new[] { "g" }, OnnxAttribute.Of("axis", 0L))
                .Node("Unsqueeze", new[] { "g", "axes0" }, new[] { "u" })
                .Node("Concat", new[] { "u", "minus1" }, new[] { "shape" }, OnnxAttribute.Of("axis", 0L))
                .Node("Reshape", new[] { "x", "shape" }, new[] { "y" }).Output("y").Build();
            using var session = new Backends.Managed.ManagedGraphSession(model);
            Assert.That(session.GetOutputShape(batch, 0), Is.EqualTo(new[] { batch, 24 }));
            float[] actual = ModelBuilder.RunSession(session, batch, new[] { x })[0];
            Assert.That(actual, Is.EqualTo(x));
        }

        [Test]
        public void UnsqueezeAttributeForm_Opset11_AddsAxis()
        {
            var model = new ModelBuilder(11).Input("x", 3).Node("Unsqueeze", new[] { "x" }, new[] { "y" }, OnnxAttribute.Of("axes", new long[] { 1 })).Output("y").Build();
            using var session = new Backends.Managed.ManagedGraphSession(model);
            Assert.That(session.GetOutputShape(2, 0), Is.EqualTo(new[] { 2, 1, 3 }));
        }

        [Test]
        public void BatchNormalization_MatchesFormula()
        {
            const int batch = 2, c = 3, hw = 5;
            float[] x = ModelBuilder.Random(27, batch * c * hw), scale = ModelBuilder.Random(28, c), bias = ModelBuilder.Random(29, c), mean = ModelBuilder.Random(30, c);
            float[] variance = { 0.5f, 1.5f, 2.5f };
            var model = new ModelBuilder().Input("x", c, hw).Init("s", new long[] { c }, scale).Init("b", new long[] { c }, bias)
                .Init("m", new long[] { c }, mean).Init("v", new long[] { c }, variance)
                .Node("BatchNormalization", new[] { "x", "s", "b", "m", "v" }, new[] { "y" }, OnnxAttribute.Of("epsilon", 1e-3f)).Output("y").Build();
            float[] actual = ModelBuilder.RunManaged(model, batch, x);
            var expected = new float[x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                int ch = i / hw % c;
                expected[i] = (float)((x[i] - mean[ch]) / Math.Sqrt(variance[ch] + 1e-3) * scale[ch] + bias[ch]);
            }
            ModelBuilder.AssertClose(expected, actual, 1e-5f);
        }

        [Test]
        public void Activations_MatchDefinitions()
        {
            float[] x = ModelBuilder.Random(31, 2 * 37, 4f);
            var model = new ModelBuilder().Input("x", 37)
                .Node("LeakyRelu", new[] { "x" }, new[] { "a" }, OnnxAttribute.Of("alpha", 0.2f))
                .Node("Elu", new[] { "x" }, new[] { "b" })
                .Node("Sigmoid", new[] { "x" }, new[] { "c" })
                .Node("Tanh", new[] { "x" }, new[] { "d" })
                .Node("Relu", new[] { "x" }, new[] { "e" })
                .Output("a").Output("b").Output("c").Output("d").Output("e").Build();
            float[][] outs = ModelBuilder.RunManaged(model, 2, new Backends.Managed.ManagedSessionOptions(), new[] { x });
            for (int i = 0; i < x.Length; i++)
            {
                double v = x[i];
                Assert.That(outs[0][i], Is.EqualTo(v >= 0 ? v : 0.2 * v).Within(1e-6));
                Assert.That(outs[1][i], Is.EqualTo(v >= 0 ? v : Math.Exp(v) - 1).Within(1e-6));
                Assert.That(outs[2][i], Is.EqualTo(1 / (1 + Math.Exp(-v))).Within(1e-6));
                Assert.That(outs[3][i], Is.EqualTo(Math.Tanh(v)).Within(1e-6));
                Assert.That(outs[4][i], Is.EqualTo(Math.Max(v, 0)).Within(0));
            }
        }
    }
}
