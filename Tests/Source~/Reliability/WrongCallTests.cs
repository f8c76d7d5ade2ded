using System;
using NUnit.Framework;
using VaeProcgen.Backends;

namespace VaeProcgen.Tests.Reliability
{
    /// <summary>Wrong calls fail with ArgumentException / ObjectDisposedException naming the argument and expected vs actual.</summary>
    [TestFixture(Backend.OnnxRuntime)]
    [TestFixture(Backend.Managed)]
    public class WrongCallTests
    {
        private readonly Backend backend;
        public WrongCallTests(Backend backend) => this.backend = backend;

        private VaeModel Load() => VaeModel.Load(TinyModelFiles.Decoder, TinyModelFiles.Encoder, new VaeModelOptions { Backend = backend });

        [Test]
        public void WrongLatentLength_NamesArgumentAndSizes()
        {
            using VaeModel model = Load();
            var e = Assert.Throws<ArgumentException>(() => model.Decode(new float[5], new float[model.ItemSize * 2]));
            Assert.That(e!.ParamName, Is.EqualTo("latents"));
            Assert.That(e.Message, Does.Contain("5").And.Contain("latent size 4"));
            Assert.Throws<ArgumentException>(() => model.Decode(Array.Empty<float>(), new float[model.ItemSize]));
        }

        [TestCase(float.NaN)]
        [TestCase(float.PositiveInfinity)]
        public void NonFiniteLatent_NamesTheIndex(float value)
        {
            using VaeModel model = Load();
            var z = new float[4];
            z[2] = value;
            var e = Assert.Throws<ArgumentException>(() => model.Decode(z, new float[model.ItemSize]));
            Assert.That(e!.ParamName, Is.EqualTo("latents"));
            Assert.That(e.Message, Does.Contain("Latent value 2").And.Contain("finite"));
        }

        [Test]
        public void OutputTooSmall_SaysHowMuchIsNeeded()
        {
            using VaeModel model = Load();
            var e = Assert.Throws<ArgumentException>(() => model.Decode(new float[8], new float[10]));
            Assert.That(e!.ParamName, Is.EqualTo("output"));
            Assert.That(e.Message, Does.Contain("holds 10").And.Contain($"{2 * model.ItemSize} are needed"));
            var r = Assert.Throws<ArgumentException>(() => model.DecodeRgba(new float[4], new byte[3]));
            Assert.That(r!.ParamName, Is.EqualTo("rgba"));
            Assert.That(r.Message, Does.Contain("holds 3").And.Contain("256 are needed"));
        }

        [Test]
        public void EncodeWithWrongSizes_NamesTheArgument()
        {
            using VaeModel model = Load();
            var d = Assert.Throws<ArgumentException>(() => model.Encode(new float[7], new float[4], new float[4]));
            Assert.That(d!.ParamName, Is.EqualTo("data"));
            Assert.That(d.Message, Does.Contain("7").And.Contain(model.ItemSize.ToString()));
            var m = Assert.Throws<ArgumentException>(() => model.Encode(new float[model.ItemSize], new float[1], new float[4]));
            Assert.That(m!.ParamName, Is.EqualTo("mean"));
        }

        [Test]
        public void UseAfterDispose_ThrowsObjectDisposed()
        {
            VaeModel model = Load();
            model.Dispose();
            model.Dispose();
            Assert.Throws<ObjectDisposedException>(() => model.Decode(new float[4], new float[model.ItemSize]));
            Assert.Throws<ObjectDisposedException>(() => model.DecodeRgba(new float[4], new byte[256]));
            Assert.Throws<ObjectDisposedException>(() => model.Encode(new float[model.ItemSize], new float[4], new float[4]));
            Assert.Throws<ObjectDisposedException>(() => model.GenerateRgba(1));
        }
    }
}
