using NUnit.Framework;
using VaeProcgen.Onnx;

namespace VaeProcgen.Tests.Managed
{
    [TestFixture]
    public class ConvTests
    {
        [TestCase(1, 3, 5, 9, 9, 3, 1, 1, 1, true)]
        [TestCase(2, 4, 6, 8, 7, 3, 2, 1, 1, true)]
        [TestCase(1, 2, 3, 10, 10, 3, 1, 0, 2, false)]
        [TestCase(3, 5, 17, 6, 6, 4, 2, 1, 1, true)]
        [TestCase(1, 4, 32, 16, 16, 1, 1, 0, 1, false)]
        public void Conv_MatchesNaiveLoops(int batch, int c, int oc, int h, int w, int k, int stride, int pad, int dilation, bool bias)
        {
            float[] x = ModelBuilder.Random(1, batch * c * h * w);
            float[] wt = ModelBuilder.Random(2, oc * c * k * k, 0.5f);
            float[] b = ModelBuilder.Random(3, oc);
            var mb = new ModelBuilder().Input("x", c, h, w).Init("w", new long[] { oc, c, k, k }, wt);
            if (bias) mb.Init("b", new long[] { oc }, b);
            mb.Node("Conv", bias ? new[] { "x", "w", "b" } : new[] { "x", "w" }, new[] { "y" },
                OnnxAttribute.Of("strides", stride, stride), OnnxAttribute.Of("pads", pad, pad, pad, pad), OnnxAttribute.Of("dilations", dilation, dilation),
                OnnxAttribute.Of("kernel_shape", k, k)).Output("y");
            float[] actual = ModelBuilder.RunManaged(mb.Build(), batch, x);

            int oh = (h + 2 * pad - dilation * (k - 1) - 1) / stride + 1, ow = (w + 2 * pad - dilation * (k - 1) - 1) / stride + 1;
            var expected = new float[batch * oc * oh * ow];
            for (int n = 0; n < batch; n++)
                for (int o = 0; o < oc; o++)
                    for (int y = 0; y < oh; y++)
                        for (int xx = 0; xx < ow; xx++)
                        {
                            double sum = bias ? b[o] : 0;
                            for (int ci = 0; ci < c; ci++)
                                for (int ky = 0; ky < k; ky++)
                                    for (int kx = 0; kx < k; kx++)
                                    {
                                        int iy = y * stride - pad + ky * dilation, ix = xx * stride - pad + kx * dilation;
                                        if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                                        sum += x[((n * c + ci) * h + iy) * w + ix] * wt[((o * c + ci) * k + ky) * k + kx];
                                    }
                            expected[((n * oc + o) * oh + y) * ow + xx] = (float)sum;
                        }
            ModelBuilder.AssertClose(expected, actual, 1e-4f);
        }

        [TestCase(1, 8, 4, 4, 4, 4, 2, 1, 0, 1)]
        [TestCase(2, 3, 5, 5, 6, 3, 2, 1, 1, 1)]
        [TestCase(1, 4, 2, 7, 7, 3, 1, 0, 0, 2)]
        [TestCase(2, 16, 8, 3, 3, 4, 2, 0, 0, 1)]
        [TestCase(2, 5, 3, 4, 5, 4, 3, 2, 2, 1)]
        [TestCase(1, 3, 4, 5, 4, 1, 2, 0, 1, 1)]
        [TestCase(1, 8, 37, 2, 2, 4, 2, 1, 0, 1)]   // few panels: output channels split into groups (uneven tail block)
        [TestCase(1, 3, 5, 16, 16, 4, 2, 1, 0, 1)]  // phase rows as wide as a panel: the vector copy path
        public void ConvTranspose_MatchesNaiveScatter(int batch, int c, int oc, int h, int w, int k, int stride, int pad, int outPad, int dilation)
        {
            float[] x = ModelBuilder.Random(4, batch * c * h * w);
            float[] wt = ModelBuilder.Random(5, c * oc * k * k, 0.5f);
            float[] b = ModelBuilder.Random(6, oc);
            var model = new ModelBuilder().Input("x", c, h, w).Init("w", new long[] { c, oc, k, k }, wt).Init("b", new long[] { oc }, b)
                .Node("ConvTranspose", new[] { "x", "w", "b" }, new[] { "y" },
                    OnnxAttribute.Of("strides", stride, stride), OnnxAttribute.Of("pads", pad, pad, pad, pad),
                    OnnxAttribute.Of("output_padding", outPad, outPad), OnnxAttribute.Of("dilations", dilation, dilation))
                .Output("y").Build();
            float[] actual = ModelBuilder.RunManaged(model, batch, x);

            int oh = (h - 1) * stride - 2 * pad + dilation * (k - 1) + outPad + 1, ow = (w - 1) * stride - 2 * pad + dilation * (k - 1) + outPad + 1;
            var sums = new double[batch * oc * oh * ow];
            for (int n = 0; n < batch; n++)
                for (int ci = 0; ci < c; ci++)
                    for (int iy = 0; iy < h; iy++)
                        for (int ix = 0; ix < w; ix++)
                            for (int o = 0; o < oc; o++)
                                for (int ky = 0; ky < k; ky++)
                                    for (int kx = 0; kx < k; kx++)
                                    {
                                        int y = iy * stride - pad + ky * dilation, xx = ix * stride - pad + kx * dilation;
                                        if (y < 0 || y >= oh || xx < 0 || xx >= ow) continue;
                                        sums[((n * oc + o) * oh + y) * ow + xx] += x[((n * c + ci) * h + iy) * w + ix] * wt[((ci * oc + o) * k + ky) * k + kx];
                                    }
            var expected = new float[sums.Length];
            for (int i = 0; i < sums.Length; i++) expected[i] = (float)(sums[i] + b[i / (oh * ow) % oc]);
            ModelBuilder.AssertClose(expected, actual, 1e-4f);
        }
    
        [Test]
        public void ConvTranspose_FollowedByRelu_GivesReluOfTheSameValues_FusedOrNot()
        {
            float[] x = ModelBuilder.Random(7, 2 * 6 * 4 * 4);
            float[] wt = ModelBuilder.Random(8, 6 * 5 * 4 * 4, 0.5f);
            float[] b = ModelBuilder.Random(9, 5);
            ModelBuilder Graph() => new ModelBuilder().Input("x", 6, 4, 4).Init("w", new long[] { 6, 5, 4, 4 }, wt).Init("b", new long[] { 5 }, b)
                .Node("ConvTranspose", new[] { "x", "w", "b" }, new[] { "ct" }, OnnxAttribute.Of("strides", 2, 2), OnnxAttribute.Of("pads", 1, 1, 1, 1))
                .Node("Relu", new[] { "ct" }, new[] { "r" });
            // Alone, the Relu is applied by the ConvTranspose; with "ct" also a graph output it must stay a separate node.
            float[] fused = ModelBuilder.RunManaged(Graph().Output("r").Build(), 2, x);
            float[][] separate = ModelBuilder.RunManaged(Graph().Output("ct").Output("r").Build(), 2, new Backends.Managed.ManagedSessionOptions(), new[] { x });
            Assert.That(separate[0], Has.Some.LessThan(-0.01f), "the raw ConvTranspose output must keep its negative values");
            Assert.That(fused, Has.Some.EqualTo(0f).And.All.GreaterThanOrEqualTo(0f));
            var expected = new float[separate[0].Length];
            for (int i = 0; i < expected.Length; i++) expected[i] = separate[0][i] > 0f ? separate[0][i] : 0f;
            Assert.That(fused, Is.EqualTo(expected));
            Assert.That(separate[1], Is.EqualTo(expected));
        }
    }
}
