using System.Linq;
using NUnit.Framework;
using VaeProcgen.Backends;
using VaeProcgen.Generation;
using VaeProcgen.Trainer.Models;
using static TorchSharp.torch;

namespace VaeProcgen.Tests.EndToEnd
{
    /// <summary>
    /// The resize decoder (<see cref="DecoderUpsampling.Resize"/>): its tied transposed kernel equals nearest-neighbour
    /// doubling followed by the 3x3 convolution, and a model built with it exports to ONNX that both backends run at parity.
    /// </summary>
    [TestFixture]
    public class ResizeUpsamplingTests
    {
        private const double Tolerance = 1e-4;

        [Test]
        public void TiedTransposedKernelEqualsNearestDoublingThenConvolution()
        {
            manual_seed(3);
            using var scope = NewDisposeScope();
            Tensor x = randn(2, 5, 6, 7);
            Tensor kernel = randn(4, 5, 3, 3);
            Tensor bias = randn(4);
            Tensor doubled = x.repeat_interleave(2, 2).repeat_interleave(2, 3);
            float[] expected = nn.functional.conv2d(doubled, kernel, bias, padding: new long[] { 1, 1 }).contiguous().data<float>().ToArray();
            Tensor tied = ResizeConvolution.TransposedKernel(kernel);
            Assert.That(tied.shape, Is.EqualTo(new long[] { 5, 4, 4, 4 }), "[in, out, 4, 4]");
            Tensor actual = nn.functional.conv_transpose2d(x, tied, bias, strides: new long[] { 2, 2 }, padding: new long[] { 1, 1 });
            Assert.That(actual.shape, Is.EqualTo(new long[] { 2, 4, 12, 14 }));
            ArrayDiff.AssertClose(expected, actual.contiguous().data<float>().ToArray(), 1e-4, "transposed convolution with the tied kernel vs doubling then convolving");
        }

        [Test]
        public void ConstantFeaturesGiveAConstantInteriorWithNoCheckerboard()
        {
            manual_seed(4);
            using var scope = NewDisposeScope();
            Tensor tied = ResizeConvolution.TransposedKernel(randn(3, 2, 3, 3));
            Tensor output = nn.functional.conv_transpose2d(ones(1, 2, 6, 6), tied, null, strides: new long[] { 2, 2 }, padding: new long[] { 1, 1 });
            Tensor interior = output.narrow(2, 1, 10).narrow(3, 1, 10);
            Tensor spread = interior.amax(new long[] { 2, 3 }) - interior.amin(new long[] { 2, 3 });
            Assert.That(spread.max().item<float>(), Is.LessThan(1e-5f), "every interior pixel of a channel is the same");
        }

        [Test]
        public void ResizeModelExportsAndBothBackendsDecodeLikeTorchSharp()
        {
            manual_seed(41);
            using var model = new ConvVae(new VaeArchitecture(new VaeShape(4, 24, 24), VaePreset.Tiny, 6, 0, localLatentChannels: 2, upsampling: DecoderUpsampling.Resize));
            model.eval();
            var metadata = TinyModels.Metadata(model);
            byte[] decoder = TinyModels.DecoderBytes(model, metadata), encoder = TinyModels.EncoderBytes(model, metadata);
            using var onnx = VaeModel.Load(decoder, encoder, new VaeModelOptions { Backend = Backend.OnnxRuntime });
            using var managed = VaeModel.Load(decoder, encoder, new VaeModelOptions { Backend = Backend.Managed });
            const int batch = 3;
            int latent = model.Architecture.LatentSize;
            var z = new float[batch * latent];
            LatentSampler.SampleBatch(9, batch, latent, z);
            float[] expected;
            using (no_grad())
            using (NewDisposeScope())
            {
                expected = model.DecodeLogits(tensor(z, new long[] { batch, latent })).sigmoid().contiguous().data<float>().ToArray();
            }
            var ort = new float[batch * onnx.ItemSize];
            var man = new float[ort.Length];
            onnx.Decode(z, ort);
            managed.Decode(z, man);
            ArrayDiff.AssertClose(expected, ort, Tolerance, "decoder: ONNX Runtime vs TorchSharp");
            ArrayDiff.AssertClose(ort, man, Tolerance, "decoder: managed vs ONNX Runtime");
            Assert.That(expected.Max() - expected.Min(), Is.GreaterThan(1e-3), "the decoded values are not all the same");
        }
    }
}
