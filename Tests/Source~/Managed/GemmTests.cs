using NUnit.Framework;
using VaeProcgen.Onnx;

namespace VaeProcgen.Tests.Managed
{
    [TestFixture]
    public class GemmTests
    {
        [TestCase(1, 32, 100, false, false, 1f, 1f, "N")]
        [TestCase(5, 17, 33, false, true, 0.5f, 2f, "MN")]
        [TestCase(3, 9, 40, true, false, 1f, 1f, "scalar")]
        [TestCase(7, 64, 19, true, true, 2f, 0.25f, "M1")]
        [TestCase(2, 8, 8, false, true, 1f, 1f, "none")]
        public void Gemm_MatchesNaiveLoops(int m, int k, int n, bool transA, bool transB, float alpha, float beta, string cKind)
        {
            // A is the batched graph input: transA stores it as [batch=M rows of K] only when not transposed, so feed the transposed case as a weight.
            float[] a = ModelBuilder.Random(7, m * k), b = ModelBuilder.Random(8, k * n);
            long[] cDims = cKind switch { "N" => new long[] { n }, "MN" => new long[] { m, n }, "scalar" => new long[] { 1 }, "M1" => new long[] { m, 1 }, _ => new long[0] };
            float[] c = ModelBuilder.Random(9, System.Math.Max(1, (int)new OnnxTensor { Dims = cDims }.ElementCount));
            var mb = new ModelBuilder().Input("x", 1);
            mb.Init("a", transA ? new long[] { k, m } : new long[] { m, k }, a).Init("b", transB ? new long[] { n, k } : new long[] { k, n }, b);
            var inputs = new System.Collections.Generic.List<string> { "a", "b" };
            if (cKind != "none") { mb.Init("c", cDims, c); inputs.Add("c"); }
            // Multiply the constant result by the batched input so the graph has a run-time input.
            mb.Node("Gemm", inputs.ToArray(), new[] { "g" }, OnnxAttribute.Of("alpha", alpha), OnnxAttribute.Of("beta", beta),
                    OnnxAttribute.Of("transA", transA ? 1L : 0L), OnnxAttribute.Of("transB", transB ? 1L : 0L))
              .Node("Mul", new[] { "g", "x" }, new[] { "y" }).Output("y");
            float[] actual = ModelBuilder.RunManaged(mb.Build(), 1, new[] { 1f });

            var expected = new float[m * n];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    double sum = 0;
                    for (int kk = 0; kk < k; kk++)
                        sum += (transA ? a[kk * m + i] : a[i * k + kk]) * (double)(transB ? b[j * k + kk] : b[kk * n + j]);
                    double cv = cKind switch { "N" => c[j], "MN" => c[i * n + j], "scalar" => c[0], "M1" => c[i], _ => 0 };
                    expected[i * n + j] = (float)(alpha * sum + beta * cv);
                }
            ModelBuilder.AssertClose(expected, actual, 1e-4f);
        }

        [TestCase(1)]
        [TestCase(6)]
        public void Gemm_WithBatchedInputAndTransposedWeights_MatchesNaiveLoops(int batch)
        {
            const int k = 32, n = 70;
            float[] x = ModelBuilder.Random(10, batch * k), w = ModelBuilder.Random(11, n * k), bias = ModelBuilder.Random(12, n);
            var model = new ModelBuilder().Input("x", k).Init("w", new long[] { n, k }, w).Init("b", new long[] { n }, bias)
                .Node("Gemm", new[] { "x", "w", "b" }, new[] { "y" }, OnnxAttribute.Of("transB", 1L)).Output("y", n).Build();
            float[] actual = ModelBuilder.RunManaged(model, batch, x);
            var expected = new float[batch * n];
            for (int i = 0; i < batch; i++)
                for (int j = 0; j < n; j++)
                {
                    double s = bias[j];
                    for (int kk = 0; kk < k; kk++) s += x[i * k + kk] * (double)w[j * k + kk];
                    expected[i * n + j] = (float)s;
                }
            ModelBuilder.AssertClose(expected, actual, 1e-4f);
        }

        [Test]
        public void MatMul_BatchedWithBroadcasting_MatchesNaiveLoops()
        {
            // x: [N, 3, 5, 6] (runtime) times w: [1, 6, 7] (constant, broadcast over N and 3) -> [N, 3, 5, 7]
            const int batch = 2;
            float[] x = ModelBuilder.Random(13, batch * 3 * 5 * 6), w = ModelBuilder.Random(14, 6 * 7);
            var model = new ModelBuilder().Input("x", 3, 5, 6).Init("w", new long[] { 1, 6, 7 }, w)
                .Node("MatMul", new[] { "x", "w" }, new[] { "y" }).Output("y").Build();
            float[] actual = ModelBuilder.RunManaged(model, batch, x);
            var expected = new float[batch * 3 * 5 * 7];
            for (int bi = 0; bi < batch * 3; bi++)
                for (int i = 0; i < 5; i++)
                    for (int j = 0; j < 7; j++)
                    {
                        double s = 0;
                        for (int kk = 0; kk < 6; kk++) s += x[(bi * 5 + i) * 6 + kk] * (double)w[kk * 7 + j];
                        expected[(bi * 5 + i) * 7 + j] = (float)s;
                    }
            ModelBuilder.AssertClose(expected, actual, 1e-4f);
        }

        [Test]
        public void MatMul_TwoDimensionalConstantWeights_MatchesNaiveLoops()
        {
            const int batch = 3, k = 20, n = 45;
            float[] x = ModelBuilder.Random(15, batch * k), w = ModelBuilder.Random(16, k * n);
            var model = new ModelBuilder().Input("x", k).Init("w", new long[] { k, n }, w)
                .Node("MatMul", new[] { "x", "w" }, new[] { "y" }).Output("y").Build();
            float[] actual = ModelBuilder.RunManaged(model, batch, x);
            var expected = new float[batch * n];
            for (int i = 0; i < batch; i++)
                for (int j = 0; j < n; j++)
                {
                    double s = 0;
                    for (int kk = 0; kk < k; kk++) s += x[i * k + kk] * (double)w[kk * n + j];
                    expected[i * n + j] = (float)s;
                }
            ModelBuilder.AssertClose(expected, actual, 1e-4f);
        }
    }
}
