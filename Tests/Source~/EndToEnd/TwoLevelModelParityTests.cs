using System;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Backends;
using VaeProcgen.Generation;
using VaeProcgen.Onnx;
using VaeProcgen.Trainer.Export;
using VaeProcgen.Trainer.Models;
using static TorchSharp.torch;

namespace VaeProcgen.Tests.EndToEnd
{
    /// <summary>
    /// Two-level models (a global latent plus a local latent map drawn from a learned prior inside the decoder) exported
    /// untrained: TorchSharp, ONNX Runtime and the managed backend agree on decoder outputs and encoder posteriors (1e-4),
    /// for a padded unconditional model and a conditional one, with local cells of 4 x 4 and of 2 x 2 pixels; the fitted prior samples the local noise from N(0, t^2).
    /// </summary>
    [TestFixture]
    public class TwoLevelModelParityTests
    {
        private const double Tolerance = 1e-4;
        private const int GlobalLatent = 6;
        private const int LocalChannels = 3;

        private sealed class Exported : IDisposable
        {
            public Exported(ConvVae model, byte[] decoder, byte[] encoder)
            {
                Model = model;
                OnnxRuntime = VaeModel.Load(decoder, encoder, new VaeModelOptions { Backend = Backend.OnnxRuntime });
                Managed = VaeModel.Load(decoder, encoder, new VaeModelOptions { Backend = Backend.Managed });
            }

            public ConvVae Model { get; }
            public VaeModel OnnxRuntime { get; }
            public VaeModel Managed { get; }

            public void Dispose()
            {
                Model.Dispose();
                OnnxRuntime.Dispose();
                Managed.Dispose();
            }
        }

        private static Exported Build(int size, int labels, long seed, int cell = VaeArchitecture.QuarterResolutionCell)
        {
            manual_seed(seed);
            var model = new ConvVae(new VaeArchitecture(new VaeShape(4, size, size), VaePreset.Tiny, GlobalLatent, labels, localLatentChannels: LocalChannels, localLatentCell: cell));
            model.eval();
            using (no_grad())
            {
                // untrained heads are scaled down at init; make the learned prior visibly depend on the features
                model.LocalPriorHead!.weight!.mul_(10);
                model.LocalPosteriorHead!.weight!.mul_(10);
            }
            var metadata = TinyModels.Metadata(model);
            metadata.ClassLabels = Enumerable.Range(0, labels).Select(i => "class" + i).ToList();
            return new Exported(model, TinyModels.DecoderBytes(model, metadata), TinyModels.EncoderBytes(model, metadata));
        }

        private static float[] OneHot(int batch, int labels)
        {
            var oneHot = new float[batch * labels];
            for (int n = 0; n < batch; n++) oneHot[n * labels + n % labels] = 1;
            return oneHot;
        }

        [TestCase(20, 0, 4), TestCase(32, 3, 4), TestCase(20, 0, 2), TestCase(24, 3, 2)]
        public void DecoderAndEncoderAgreeAcrossTorchSharpOnnxRuntimeAndManaged(int size, int labels, int cell)
        {
            using Exported e = Build(size, labels, 31 + size, cell);
            const int batch = 3;
            int latent = e.Model.Architecture.LatentSize;
            int side = (size + 7) / 8 * 8 / cell;
            Assert.That(latent, Is.EqualTo(GlobalLatent + LocalChannels * side * side), "global latent plus the local map of one cell per cell x cell pixels of the padded size");
            Assert.That(e.Managed.LatentSize, Is.EqualTo(latent));
            var z = new float[batch * latent];
            LatentSampler.SampleBatch(5, batch, latent, z);
            float[]? oneHot = labels > 0 ? OneHot(batch, labels) : null;
            int[] classes = Enumerable.Range(0, labels > 0 ? batch : 0).Select(n => n % labels).ToArray();
            float[] expected;
            using (no_grad())
            using (NewDisposeScope())
            {
                Tensor? labelTensor = oneHot is null ? null : tensor(oneHot, new long[] { batch, labels });
                expected = e.Model.DecodeLogits(tensor(z, new long[] { batch, latent }), labelTensor).sigmoid().contiguous().data<float>().ToArray();
            }
            var ort = new float[batch * e.OnnxRuntime.ItemSize];
            var man = new float[ort.Length];
            e.OnnxRuntime.Decode(z, ort, classes);
            e.Managed.Decode(z, man, classes);
            ArrayDiff.AssertClose(expected, ort, Tolerance, "decoder: ONNX Runtime vs TorchSharp");
            ArrayDiff.AssertClose(ort, man, Tolerance, "decoder: managed vs ONNX Runtime");

            var zOther = (float[])z.Clone();
            for (int k = GlobalLatent; k < latent; k++) zOther[k] += 1;
            var moved = new float[ort.Length];
            e.Managed.Decode(zOther, moved, classes);
            Assert.That(moved.Zip(man, (a, b) => Math.Abs(a - b)).Max(), Is.GreaterThan(1e-3), "the local part of the latent changes the output");

            float[] items = ort;
            float[] expectedMean, expectedLogVar;
            using (no_grad())
            using (NewDisposeScope())
            {
                Tensor? labelTensor = oneHot is null ? null : tensor(oneHot, new long[] { batch, labels });
                var (mean, logVar) = e.Model.Encode(tensor(items, new long[] { batch, 4, size, size }), labelTensor);
                expectedMean = mean.contiguous().data<float>().ToArray();
                expectedLogVar = logVar.contiguous().data<float>().ToArray();
            }
            foreach (VaeModel vae in new[] { e.OnnxRuntime, e.Managed })
            {
                var mean = new float[batch * latent];
                var logVar = new float[batch * latent];
                vae.Encode(items, mean, logVar, classes);
                ArrayDiff.AssertClose(expectedMean, mean, Tolerance, $"{vae.Backend} encoder mean");
                ArrayDiff.AssertClose(expectedLogVar, logVar, Tolerance, $"{vae.Backend} encoder log-variance");
                Assert.That(logVar.Skip(GlobalLatent).Take(latent - GlobalLatent).All(v => Math.Abs(v) < ConvVae.LocalLogVarianceBound), "local log-variances are bounded");
            }
        }

        [Test]
        public void FittedPriorDrawsTheLocalNoiseFromItsTailSpreadAndRoundTripsThroughTheContract()
        {
            const int latent = 4 + 200, components = 3;
            var means = new float[components * 4];
            var sigmas = new float[components * 4];
            for (int i = 0; i < means.Length; i++) means[i] = 10 + i;
            var prior = new FittedLatentPrior(latent, means, sigmas, 0, null, 4, 0.5);
            FittedLatentPrior parsed = FittedLatentPrior.Parse(prior.ToContractValue(), latent)!;
            Assert.That(parsed, Is.Not.Null);
            Assert.That(parsed.ComponentDimensions, Is.EqualTo(4));
            Assert.That(parsed.TailSpread, Is.EqualTo(0.5));
            Assert.That(parsed.Count, Is.EqualTo(components));
            var z = new float[latent];
            double sumSquares = 0;
            const int draws = 50;
            for (int seed = 0; seed < draws; seed++)
            {
                parsed.Sample(seed, z);
                int component = (int)Math.Round((z[0] - 10) / 4);
                Assert.That(z[0], Is.EqualTo(10 + 4 * component).Within(1e-6), "bandwidth 0, sigma 0: the component mean");
                for (int k = 4; k < latent; k++) sumSquares += z[k] * z[k];
            }
            double spread = Math.Sqrt(sumSquares / (draws * (latent - 4)));
            Assert.That(spread, Is.EqualTo(0.5).Within(0.02), "standard deviation of the local noise over 10,000 draws");
            Assert.That(FittedLatentPrior.Parse(prior.ToContractValue(), 3), Is.Null, "components wider than the latent are refused");
        }
    }
}
