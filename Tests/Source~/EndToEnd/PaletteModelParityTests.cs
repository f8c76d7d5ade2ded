using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Backends;
using VaeProcgen.Contract;
using VaeProcgen.Generation;
using VaeProcgen.Onnx;
using VaeProcgen.Trainer.Export;
using VaeProcgen.Trainer.Models;
using static TorchSharp.torch;

namespace VaeProcgen.Tests.EndToEnd
{
    /// <summary>
    /// A palette sprite model (categorical likelihood, one channel per palette colour) exported untrained: TorchSharp,
    /// ONNX Runtime and the managed backend agree on the probabilities (1e-4) and on every argmax pixel; RGBA in and out
    /// go through the palette; the span decode allocates nothing after warm-up; a palette that does not match the
    /// channels is refused.
    /// </summary>
    [TestFixture]
    public class PaletteModelParityTests
    {
        private const double Tolerance = 1e-4;
        private const int LatentSize = 8;
        private const int Channels = 12;
        private ConvVae torchModel = null!;
        private byte[] decoder = null!;
        private byte[] encoder = null!;
        private VaeModel onnxRuntime = null!;
        private VaeModel managed = null!;

        private static readonly uint[] Palette = Enumerable.Range(0, Channels)
            .Select(i => i == 0 ? 0u : ((uint)(i * 20) << 24) | ((uint)(255 - i * 20) << 16) | ((uint)(i * 37 % 256) << 8) | 0xFF).ToArray();

        [OneTimeSetUp]
        public void Export()
        {
            manual_seed(21);
            torchModel = new ConvVae(new VaeArchitecture(new VaeShape(Channels, 24, 24), VaePreset.Tiny, LatentSize, 0, paletteSprite: true));
            torchModel.eval();
            using (no_grad())
            {
                torchModel.OutputConv.weight!.mul_(20); // untrained 1x1 output weights are small: let the latent, not the bias, pick the colours
            }
            var metadata = new ExportMetadata
            {
                Likelihood = Likelihood.Categorical,
                PaletteJson = PaletteJson.Format(Palette),
                Preset = "tiny",
                DatasetFingerprint = "palette-test",
            };
            decoder = OnnxSerializer.Serialize(OnnxExporter.BuildDecoder(torchModel, metadata));
            encoder = OnnxSerializer.Serialize(OnnxExporter.BuildEncoder(torchModel, metadata));
            onnxRuntime = VaeModel.Load(decoder, encoder, new VaeModelOptions { Backend = Backend.OnnxRuntime });
            managed = VaeModel.Load(decoder, encoder, new VaeModelOptions { Backend = Backend.Managed });
        }

        [OneTimeTearDown]
        public void Dispose()
        {
            torchModel.Dispose();
            onnxRuntime.Dispose();
            managed.Dispose();
        }

        private static float[] Latents(int batch)
        {
            var z = new float[batch * LatentSize];
            LatentSampler.SampleBatch(40, batch, LatentSize, z);
            for (int i = 0; i < z.Length; i++) z[i] *= 3; // spread the untrained logits so argmax decisions are not all ties
            return z;
        }

        [Test]
        public void ContractDescribesAPaletteSpriteModel()
        {
            ModelContract c = managed.Contract;
            Assert.That(c.IsPaletteSprite, Is.True);
            Assert.That(c.Channels, Is.EqualTo(Channels));
            Assert.That(c.Palette, Is.EqualTo(Palette));
            Assert.That(c.SpritePalette!.Count, Is.EqualTo(Channels));
            Assert.That(OnnxParser.Parse(decoder).MetadataProps.Single(p => p.Key == ContractNames.KeyChannels).Value, Is.EqualTo(ContractNames.ChannelsPaletteProbabilities));
        }

        [TestCase(1), TestCase(5)]
        public void ProbabilitiesAgreeAcrossTorchSharpOnnxRuntimeAndManaged(int batch)
        {
            float[] z = Latents(batch);
            float[] expected;
            using (no_grad())
            using (NewDisposeScope())
            {
                expected = torchModel.DecodeLogits(tensor(z, new long[] { batch, LatentSize })).softmax(1).contiguous().data<float>().ToArray();
            }
            var ort = new float[batch * onnxRuntime.ItemSize];
            var man = new float[batch * managed.ItemSize];
            onnxRuntime.Decode(z, ort);
            managed.Decode(z, man);
            ArrayDiff.AssertClose(expected, ort, Tolerance, "ONNX Runtime vs TorchSharp softmax");
            ArrayDiff.AssertClose(ort, man, Tolerance, "managed vs ONNX Runtime");
            double sum = 0;
            for (int c = 0; c < Channels; c++) sum += ort[c * 24 * 24];
            Assert.That(sum, Is.EqualTo(1).Within(1e-5), "channel probabilities of a pixel sum to one");
        }

        [Test]
        public void RgbaPixelsAreIdenticalOnBothBackendsAndAreTheArgmaxPaletteColours()
        {
            const int batch = 4;
            float[] z = Latents(batch);
            var ortRgba = new byte[batch * 24 * 24 * 4];
            var manRgba = new byte[ortRgba.Length];
            onnxRuntime.DecodeRgba(z, ortRgba);
            managed.DecodeRgba(z, manRgba);
            Assert.That(manRgba, Is.EqualTo(ortRgba));
            var probabilities = new float[batch * onnxRuntime.ItemSize];
            onnxRuntime.Decode(z, probabilities);
            int pixels = 24 * 24, distinct = 0;
            var seen = new HashSet<int>();
            for (int n = 0; n < batch; n++)
            {
                for (int p = 0; p < pixels; p++)
                {
                    int best = 0;
                    for (int c = 1; c < Channels; c++)
                    {
                        if (probabilities[n * onnxRuntime.ItemSize + c * pixels + p] > probabilities[n * onnxRuntime.ItemSize + best * pixels + p]) best = c;
                    }
                    if (seen.Add(best)) distinct++;
                    uint colour = best == 0 ? 0u : Palette[best];
                    int o = (n * pixels + p) * 4;
                    uint actual = ((uint)ortRgba[o] << 24) | ((uint)ortRgba[o + 1] << 16) | ((uint)ortRgba[o + 2] << 8) | ortRgba[o + 3];
                    Assert.That(actual, Is.EqualTo(colour), $"item {n}, pixel {p}");
                }
            }
            Assert.That(distinct, Is.GreaterThan(1), "the check needs more than one winning colour");
        }

        [Test]
        public void EncodingGoesThroughTheOneHotPaletteInputOnBothBackends()
        {
            byte[] sprite = managed.GenerateRgba(3);
            var items = new float[managed.ItemSize];
            managed.RgbaToItems(sprite, items);
            Assert.That(items.Sum(), Is.EqualTo(24 * 24), "one hot entry per pixel");
            var decodedBack = new byte[sprite.Length];
            managed.Contract.SpritePalette!.ProbabilitiesToRgba(items, decodedBack);
            Assert.That(decodedBack, Is.EqualTo(sprite), "a generated sprite is made of palette colours only, so it encodes exactly");
            var (ortMean, ortLogVar) = onnxRuntime.EncodeRgba(sprite);
            var (manMean, manLogVar) = managed.EncodeRgba(sprite);
            ArrayDiff.AssertClose(ortMean, manMean, Tolerance, "mu");
            ArrayDiff.AssertClose(ortLogVar, manLogVar, Tolerance, "logvar");
            double ortScore = onnxRuntime.ScoreRgba(sprite, seed: 2).NegativeElbo, manScore = managed.ScoreRgba(sprite, seed: 2).NegativeElbo;
            Assert.That(manScore, Is.EqualTo(ortScore).Within(1e-3 * Math.Abs(ortScore)));
            Assert.That(ortScore, Is.GreaterThan(0));
        }

        [Test]
        public void SameSeedSameSpriteAndNoAllocationAfterWarmUp()
        {
            Assert.That(managed.GenerateRgba(9), Is.EqualTo(managed.GenerateRgba(9)));
            Assert.That(onnxRuntime.GenerateRgba(9), Is.EqualTo(managed.GenerateRgba(9)));
            foreach (VaeModel model in new[] { onnxRuntime, managed })
            {
                float[] z = Latents(2);
                var rgba = new byte[2 * 24 * 24 * 4];
                model.DecodeRgba(z, rgba);
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < 5; i++) model.DecodeRgba(z, rgba);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.That(allocated, Is.EqualTo(0), $"{model.Backend}: bytes allocated by 5 DecodeRgba calls after warm-up");
            }
        }

        [Test]
        public void PaletteThatDoesNotMatchTheChannelsIsRefused()
        {
            OnnxModel parsed = OnnxParser.Parse(decoder);
            int index = parsed.MetadataProps.FindIndex(p => p.Key == ContractNames.KeyPalette);
            parsed.MetadataProps[index] = new KeyValuePair<string, string>(ContractNames.KeyPalette, PaletteJson.Format(Palette.Take(Channels - 1).ToList()));
            var e = Assert.Throws<VaeModelException>(() => VaeModel.Load(OnnxSerializer.Serialize(parsed), null, new VaeModelOptions { Backend = Backend.Managed }).Dispose())!;
            Assert.That(e.Message, Does.Contain(ContractNames.KeyPalette).And.Contain("one colour per channel"));
        }
    }
}
