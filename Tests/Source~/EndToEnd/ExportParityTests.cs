using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Backends;
using VaeProcgen.Generation;
using VaeProcgen.Trainer.Models;
using static TorchSharp.torch;

namespace VaeProcgen.Tests.EndToEnd
{
    /// <summary>
    /// The exported graphs compute what the TorchSharp model computes (ONNX Runtime vs TorchSharp) and the
    /// managed backend computes what ONNX Runtime computes, for every preset (seeded, untrained weights).
    /// </summary>
    [TestFixture]
    public class ExportParityTests
    {
        private const double Tolerance = 1e-4;
        private const int LatentSize = 16;
        private readonly Dictionary<string, PresetExport> exports = new Dictionary<string, PresetExport>();

        private sealed class PresetExport
        {
            public ConvVae Torch = null!;
            public VaeModel OnnxRuntime = null!;
            public VaeModel Managed = null!;
        }

        [OneTimeTearDown]
        public void DisposeModels()
        {
            foreach (PresetExport e in exports.Values)
            {
                e.Torch.Dispose();
                e.OnnxRuntime.Dispose();
                e.Managed.Dispose();
            }
        }

        private PresetExport For(string presetName)
        {
            if (!exports.TryGetValue(presetName, out PresetExport? export))
            {
                VaePreset preset = VaePreset.All.Single(p => p.Name == presetName);
                ConvVae model = TinyModels.CreateUntrained(preset, LatentSize, seed: 11);
                model.eval();
                var metadata = TinyModels.Metadata(model);
                byte[] decoder = TinyModels.DecoderBytes(model, metadata);
                byte[] encoder = TinyModels.EncoderBytes(model, metadata);
                export = new PresetExport
                {
                    Torch = model,
                    OnnxRuntime = VaeModel.Load(decoder, encoder, new VaeModelOptions { Backend = Backend.OnnxRuntime }),
                    Managed = VaeModel.Load(decoder, encoder, new VaeModelOptions { Backend = Backend.Managed }),
                };
                Assert.That(export.OnnxRuntime.Backend, Is.EqualTo(Backend.OnnxRuntime));
                Assert.That(export.Managed.Backend, Is.EqualTo(Backend.Managed));
                exports[presetName] = export;
            }
            return export;
        }

        private static float[] Latents(int batch)
        {
            var z = new float[batch * LatentSize];
            LatentSampler.SampleBatch(100, batch, LatentSize, z);
            return z;
        }

        private static float[] Sprites(int batch)
        {
            var random = new DeterministicRandom(7);
            var x = new float[batch * 4 * 32 * 32];
            for (int i = 0; i < x.Length; i++) x[i] = (float)random.NextDouble();
            return x;
        }

        private static float[] TorchDecode(ConvVae model, float[] z, int batch)
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            Tensor logits = model.DecodeLogits(tensor(z, new long[] { batch, LatentSize }));
            return logits.sigmoid().contiguous().data<float>().ToArray();
        }

        private static (float[] Mean, float[] LogVariance) TorchEncode(ConvVae model, float[] x, int batch)
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var (mean, logVariance) = model.Encode(tensor(x, new long[] { batch, 4, 32, 32 }));
            return (mean.contiguous().data<float>().ToArray(), logVariance.contiguous().data<float>().ToArray());
        }

        private static float[] Decode(VaeModel model, float[] z, int batch)
        {
            var output = new float[batch * model.ItemSize];
            model.Decode(z, output);
            return output;
        }

        private static (float[] Mean, float[] LogVariance) Encode(VaeModel model, float[] x, int batch)
        {
            var mean = new float[batch * LatentSize];
            var logVariance = new float[batch * LatentSize];
            model.Encode(x, mean, logVariance);
            return (mean, logVariance);
        }

        [TestCase("tiny", 1), TestCase("tiny", 5)]
        [TestCase("small", 1), TestCase("small", 5)]
        [TestCase("base", 1), TestCase("base", 5)]
        public void OnnxRuntimeDecoder_MatchesTorchSharp(string preset, int batch)
        {
            PresetExport export = For(preset);
            float[] z = Latents(batch);
            ArrayDiff.AssertClose(TorchDecode(export.Torch, z, batch), Decode(export.OnnxRuntime, z, batch), Tolerance, $"{preset} decoder, batch {batch}");
        }

        [TestCase("tiny", 1), TestCase("tiny", 5)]
        [TestCase("small", 1), TestCase("small", 5)]
        [TestCase("base", 1), TestCase("base", 5)]
        public void OnnxRuntimeEncoder_MatchesTorchSharp(string preset, int batch)
        {
            PresetExport export = For(preset);
            float[] x = Sprites(batch);
            var expected = TorchEncode(export.Torch, x, batch);
            var actual = Encode(export.OnnxRuntime, x, batch);
            ArrayDiff.AssertClose(expected.Mean, actual.Mean, Tolerance, $"{preset} mu, batch {batch}");
            ArrayDiff.AssertClose(expected.LogVariance, actual.LogVariance, Tolerance, $"{preset} logvar, batch {batch}");
        }

        [TestCase("tiny", 1), TestCase("tiny", 5)]
        [TestCase("small", 1), TestCase("small", 5)]
        [TestCase("base", 1), TestCase("base", 5)]
        public void ManagedDecoder_MatchesOnnxRuntime(string preset, int batch)
        {
            PresetExport export = For(preset);
            float[] z = Latents(batch);
            ArrayDiff.AssertClose(Decode(export.OnnxRuntime, z, batch), Decode(export.Managed, z, batch), Tolerance, $"{preset} decoder, batch {batch}");
        }

        [TestCase("tiny", 1), TestCase("tiny", 5)]
        [TestCase("small", 1), TestCase("small", 5)]
        [TestCase("base", 1), TestCase("base", 5)]
        public void ManagedEncoder_MatchesOnnxRuntime(string preset, int batch)
        {
            PresetExport export = For(preset);
            float[] x = Sprites(batch);
            var expected = Encode(export.OnnxRuntime, x, batch);
            var actual = Encode(export.Managed, x, batch);
            ArrayDiff.AssertClose(expected.Mean, actual.Mean, Tolerance, $"{preset} mu, batch {batch}");
            ArrayDiff.AssertClose(expected.LogVariance, actual.LogVariance, Tolerance, $"{preset} logvar, batch {batch}");
        }

        [Test]
        public void Decoder_OutputsDependOnTheLatent()
        {
            PresetExport export = For("tiny");
            float[] z = Latents(2);
            float[] output = Decode(export.OnnxRuntime, z, 2);
            int item = export.OnnxRuntime.ItemSize;
            double difference = ArrayDiff.MaxAbs(output.Take(item).ToArray(), output.Skip(item).ToArray());
            Assert.That(difference, Is.GreaterThan(1e-3), "two different latents decoded to the same sprite, so the parity checks would prove nothing");
        }
    }
}
