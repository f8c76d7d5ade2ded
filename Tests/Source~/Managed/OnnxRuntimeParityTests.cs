using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NUnit.Framework;
using VaeProcgen.Backends.Managed;
using VaeProcgen.Onnx;

namespace VaeProcgen.Tests.Managed
{
    [TestFixture]
    public class OnnxRuntimeParityTests
    {
        private static float[][] RunOrt(InferenceSession session, string inputName, float[] input, int[] shape)
        {
            var feeds = new List<NamedOnnxValue> { NamedOnnxValue.CreateFromTensor(inputName, new DenseTensor<float>(input, shape)) };
            using var results = session.Run(feeds);
            return results.Select(r => r.AsTensor<float>().ToArray()).ToArray();
        }

        [TestCase(1)]
        [TestCase(5)]
        public void Decoder_MatchesOnnxRuntime(int batch)
        {
            OnnxModel model = DecoderModels.Decoder();
            float[] z = ModelBuilder.Random(60, batch * 32, 2f);
            using var ort = new InferenceSession(OnnxSerializer.Serialize(model));
            float[] expected = RunOrt(ort, "z", z, new[] { batch, 32 })[0];
            float[] actual = ModelBuilder.RunManaged(model, batch, z);
            ModelBuilder.AssertClose(expected, actual, 1e-4f);
        }

        [TestCase(1)]
        [TestCase(3)]
        public void Encoder_MatchesOnnxRuntime(int batch)
        {
            OnnxModel model = DecoderModels.Encoder();
            float[] x = ModelBuilder.Random(61, batch * 4 * 32 * 32);
            using var ort = new InferenceSession(OnnxSerializer.Serialize(model));
            float[][] expected = RunOrt(ort, "x", x, new[] { batch, 4, 32, 32 });
            float[][] actual = ModelBuilder.RunManaged(model, batch, new ManagedSessionOptions(), new[] { x });
            ModelBuilder.AssertClose(expected[0], actual[0], 1e-4f);
            ModelBuilder.AssertClose(expected[1], actual[1], 1e-4f);
        }

        [Test]
        public void ParsedFile_RunsOnManagedBackend()
        {
            OnnxModel parsed = OnnxParser.Parse(OnnxSerializer.Serialize(DecoderModels.Decoder()));
            float[] z = ModelBuilder.Random(62, 32);
            Assert.That(ModelBuilder.RunManaged(parsed, 1, z), Is.EqualTo(ModelBuilder.RunManaged(DecoderModels.Decoder(), 1, z)));
        }

        /// <summary>Hand-run timing harness (not a test of speed): batch-1 decode, managed vs ONNX Runtime, side by side.</summary>
        [Test, Explicit("Benchmark; run by hand")]
        public void Benchmark_DecoderBatch1_ManagedVsOnnxRuntime()
        {
            OnnxModel model = DecoderModels.Decoder();
            float[] z = ModelBuilder.Random(63, 32);
            using var ort = new InferenceSession(OnnxSerializer.Serialize(model));
            const double flops = 2.0 * (32 * 4096 + 3 * 256.0 * 128 * 16 * 16 + 4 * 288 * 1024);
            foreach (int threads in new[] { 1, 2 })
            {
                using var managed = new ManagedGraphSession(model, new ManagedSessionOptions { MaxThreads = threads });
                z.AsSpan().CopyTo(managed.Input(1, 0));
                for (int i = 0; i < 20; i++) { managed.Run(1); RunOrt(ort, "z", z, new[] { 1, 32 }); }
                const int runs = 200;
                var sw = Stopwatch.StartNew();
                for (int i = 0; i < runs; i++) managed.Run(1);
                double managedMs = sw.Elapsed.TotalMilliseconds / runs;
                sw.Restart();
                for (int i = 0; i < runs; i++) RunOrt(ort, "z", z, new[] { 1, 32 });
                double ortMs = sw.Elapsed.TotalMilliseconds / runs;
                TestContext.Out.WriteLine($"threads={threads}: managed {managedMs:F3} ms, ORT {ortMs:F3} ms, ratio {managedMs / ortMs:F2}, managed {flops / managedMs / 1e6:F1} GFLOP/s (FLOPs/run {flops / 1e6:F1}M)");
            }
            Assert.Pass();
        }
    }
}
