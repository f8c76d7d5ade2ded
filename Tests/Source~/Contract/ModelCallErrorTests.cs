using System;
using NUnit.Framework;
using VaeProcgen.Backends;
using VaeProcgen.Tests.EndToEnd;
using VaeProcgen.Trainer.Models;

namespace VaeProcgen.Tests.Contract
{
    /// <summary>Bad arguments to a loaded model fail fast with messages that name the numbers involved.</summary>
    [TestFixture]
    public class ModelCallErrorTests
    {
        private byte[] decoder = null!;
        private byte[] encoder = null!;

        [OneTimeSetUp]
        public void ExportModel()
        {
            using ConvVae model = TinyModels.CreateUntrained(VaePreset.Tiny, TinyModels.LatentSize, seed: 3);
            var metadata = TinyModels.Metadata(model);
            decoder = TinyModels.DecoderBytes(model, metadata);
            encoder = TinyModels.EncoderBytes(model, metadata);
        }

        private VaeModel Load() => VaeModel.Load(decoder, encoder, new VaeModelOptions { Backend = Backend.Managed });

        [Test]
        public void Decode_WithWrongLatentLength_NamesBothLengths()
        {
            using VaeModel model = Load();
            var e = Assert.Throws<ArgumentException>(() => model.Decode(new float[7], new float[model.ItemSize]))!;
            Assert.That(e.Message, Does.Contain("7"));
            Assert.That(e.Message, Does.Contain("latent size 8"));
        }

        [Test]
        public void Decode_WithNaNLatent_IsRefused()
        {
            using VaeModel model = Load();
            var z = new float[model.LatentSize];
            z[3] = float.NaN;
            var e = Assert.Throws<ArgumentException>(() => model.Decode(z, new float[model.ItemSize]))!;
            Assert.That(e.Message, Does.Contain("NaN"));
            Assert.That(e.Message, Does.Contain("Latent value 3"));
        }

        [Test]
        public void Decode_AfterDispose_ThrowsObjectDisposed()
        {
            VaeModel model = Load();
            model.Dispose();
            Assert.Throws<ObjectDisposedException>(() => model.Decode(new float[model.LatentSize], new float[model.ItemSize]));
            Assert.Throws<ObjectDisposedException>(() => model.GenerateRgba(1));
        }

        [Test]
        public void Decode_IntoTooSmallBuffer_NamesBothSizes()
        {
            using VaeModel model = Load();
            var e = Assert.Throws<ArgumentException>(() => model.Decode(new float[2 * model.LatentSize], new float[2 * model.ItemSize - 1]))!;
            Assert.That(e.Message, Does.Contain((2 * model.ItemSize - 1).ToString()));
            Assert.That(e.Message, Does.Contain((2 * model.ItemSize).ToString()));
        }

        [Test]
        public void DecodeRgba_IntoTooSmallBuffer_IsRefused()
        {
            using VaeModel model = Load();
            var e = Assert.Throws<ArgumentException>(() => model.DecodeRgba(new float[model.LatentSize], new byte[32 * 32 * 4 - 1]))!;
            Assert.That(e.Message, Does.Contain("4095"));
            Assert.That(e.Message, Does.Contain("4096"));
        }
    }
}
