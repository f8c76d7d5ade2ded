using VaeProcgen.Onnx;

namespace VaeProcgen.Tests.Managed
{
    /// <summary>The decoder/encoder shapes the trainer exports, built in code with seeded random weights.</summary>
    internal static class DecoderModels
    {
        public static OnnxModel Decoder(int latent = 32)
        {
            var mb = new ModelBuilder(17).Input("z", latent)
                .Init("fc_w", new long[] { 4096, latent }, ModelBuilder.Random(100, 4096 * latent, 0.2f))
                .Init("fc_b", new long[] { 4096 }, ModelBuilder.Random(101, 4096, 0.1f))
                .InitInts("shape", -1, 256, 4, 4)
                .Node("Gemm", new[] { "z", "fc_w", "fc_b" }, new[] { "h0" }, OnnxAttribute.Of("transB", 1L))
                .Node("Relu", new[] { "h0" }, new[] { "h1" })
                .Node("Reshape", new[] { "h1", "shape" }, new[] { "h2" });
            string current = "h2";
            int[] channels = { 256, 128, 64, 32 };
            for (int i = 0; i < 3; i++)
            {
                int cin = channels[i], cout = channels[i + 1];
                mb.Init($"ct{i}_w", new long[] { cin, cout, 4, 4 }, ModelBuilder.Random(110 + i, cin * cout * 16, 0.08f))
                  .Init($"ct{i}_b", new long[] { cout }, ModelBuilder.Random(120 + i, cout, 0.05f))
                  .Node("ConvTranspose", new[] { current, $"ct{i}_w", $"ct{i}_b" }, new[] { $"ct{i}" },
                        OnnxAttribute.Of("strides", 2L, 2L), OnnxAttribute.Of("pads", 1L, 1L, 1L, 1L), OnnxAttribute.Of("kernel_shape", 4L, 4L))
                  .Node("Relu", new[] { $"ct{i}" }, new[] { $"r{i}" });
                current = $"r{i}";
            }
            return mb.Init("out_w", new long[] { 4, 32, 3, 3 }, ModelBuilder.Random(130, 4 * 32 * 9, 0.1f))
                .Init("out_b", new long[] { 4 }, ModelBuilder.Random(131, 4, 0.05f))
                .Node("Conv", new[] { current, "out_w", "out_b" }, new[] { "logits" }, OnnxAttribute.Of("pads", 1L, 1L, 1L, 1L), OnnxAttribute.Of("kernel_shape", 3L, 3L))
                .Node("Sigmoid", new[] { "logits" }, new[] { "x" })
                .Output("x", 4, 32, 32).Build();
        }

        public static OnnxModel Encoder(int latent = 32)
        {
            var mb = new ModelBuilder(17).Input("x", 4, 32, 32);
            string current = "x";
            int[] channels = { 4, 32, 64, 128 };
            for (int i = 0; i < 3; i++)
            {
                int cin = channels[i], cout = channels[i + 1];
                mb.Init($"c{i}_w", new long[] { cout, cin, 4, 4 }, ModelBuilder.Random(200 + i, cin * cout * 16, 0.1f))
                  .Init($"c{i}_b", new long[] { cout }, ModelBuilder.Random(210 + i, cout, 0.05f))
                  .Node("Conv", new[] { current, $"c{i}_w", $"c{i}_b" }, new[] { $"c{i}" },
                        OnnxAttribute.Of("strides", 2L, 2L), OnnxAttribute.Of("pads", 1L, 1L, 1L, 1L), OnnxAttribute.Of("kernel_shape", 4L, 4L))
                  .Node("LeakyRelu", new[] { $"c{i}" }, new[] { $"l{i}" }, OnnxAttribute.Of("alpha", 0.2f));
                current = $"l{i}";
            }
            mb.Node("Flatten", new[] { current }, new[] { "flat" });
            foreach (string head in new[] { "mu", "logvar" })
            {
                mb.Init(head + "_w", new long[] { latent, 2048 }, ModelBuilder.Random(head.Length * 7, latent * 2048, 0.03f))
                  .Init(head + "_b", new long[] { latent }, ModelBuilder.Random(head.Length * 11, latent, 0.05f))
                  .Node("Gemm", new[] { "flat", head + "_w", head + "_b" }, new[] { head }, OnnxAttribute.Of("transB", 1L))
                  .Output(head, latent);
            }
            return mb.Build();
        }
    }
}
