using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using NUnit.Framework;
using VaeProcgen.Backends;
using VaeProcgen.Contract;
using VaeProcgen.Onnx;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Trainer.Data.Levels;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Tests.Reliability
{
    /// <summary>
    /// Seeded mutation fuzzing (reproducible: fixed seeds) of the ONNX reader + VaeModel.Load, the PNG decoder and the
    /// VGLC parser. Each outcome must be success or the documented exception; counts go to the test output.
    /// </summary>
    [TestFixture]
    public class FuzzTests
    {
        private static void Report(string what, int total, int ok, int refused, TimeSpan time) =>
            TestContext.Out.WriteLine($"{what}: {total} inputs, {ok} accepted, {refused} refused with the documented exception, {time.TotalSeconds:F1} s");

        [TestCase(Backend.Managed, 2000)]
        [TestCase(Backend.OnnxRuntime, 1000)]
        public void MutatedDecoder_LoadsOrThrowsVaeModelException(Backend backend, int count)
        {
            byte[] decoder = TinyModelFiles.Decoder;
            var random = new Random(1234 + (int)backend);
            var timer = Stopwatch.StartNew();
            int ok = 0, refused = 0;
            var latent = new float[TinyModelFiles.Latent];
            var output = new float[4 * 8 * 8];
            for (int i = 0; i < count; i++)
            {
                byte[] mutated = Mutator.Mutate(decoder, random);
                try
                {
                    using VaeModel model = VaeModel.Load(mutated, null, new VaeModelOptions { Backend = backend, Threads = 1 });
                    model.Decode(latent, output);
                    ok++;
                }
                catch (VaeModelException)
                {
                    refused++;
                }
                catch (Exception e)
                {
                    Assert.Fail($"Mutation {i} (seed {1234 + (int)backend}) escaped as {e.GetType().Name}: {e.Message}");
                }
            }
            Report($"decoder.onnx fuzz ({backend})", count, ok, refused, timer.Elapsed);
            Assert.That(refused, Is.GreaterThan(0));
            Assert.That(timer.Elapsed.TotalSeconds, Is.LessThan(20));
        }

        [Test]
        public void MutatedOnnx_ParsesOrThrowsOnnxFormatException()
        {
            byte[] decoder = TinyModelFiles.Decoder;
            byte[] encoder = TinyModelFiles.Encoder;
            var random = new Random(99);
            var timer = Stopwatch.StartNew();
            int ok = 0, refused = 0, count = 5000;
            for (int i = 0; i < count; i++)
            {
                byte[] mutated = Mutator.Mutate(i % 2 == 0 ? decoder : encoder, random);
                try
                {
                    OnnxParser.Parse(mutated);
                    ok++;
                }
                catch (OnnxFormatException)
                {
                    refused++;
                }
            }
            Report("ONNX parser fuzz", count, ok, refused, timer.Elapsed);
            Assert.That(timer.Elapsed.TotalSeconds, Is.LessThan(20));
        }

        [Test]
        public void MutatedPngs_DecodeOrThrowDataLoadException()
        {
            var sprites = EmbeddedData.ReadSprites().Where((_, i) => i % 40 == 0).Select(s => s.Bytes).ToList();
            var random = new Random(4321);
            var timer = Stopwatch.StartNew();
            int ok = 0, refused = 0, count = 5000;
            for (int i = 0; i < count; i++)
            {
                byte[] mutated = Mutator.Mutate(sprites[i % sprites.Count], random);
                try
                {
                    RgbaImage image = PngCodec.Decode(mutated, "fuzz.png");
                    Assert.That(image.Pixels.Length, Is.EqualTo(image.Width * image.Height * 4));
                    ok++;
                }
                catch (DataLoadException e)
                {
                    Assert.That(e.Message, Does.Contain("fuzz.png"));
                    refused++;
                }
            }
            Report("PNG decoder fuzz", count, ok, refused, timer.Elapsed);
            Assert.That(refused, Is.GreaterThan(count / 2));
            Assert.That(timer.Elapsed.TotalSeconds, Is.LessThan(20));
        }

        [Test]
        public void MutatedLevels_ParseOrThrowDataLoadException()
        {
            var (legendPath, legendText) = EmbeddedLevels.ReadLegend();
            IReadOnlyList<TileLegendEntry> legend = VglcLegend.Parse(legendText, legendPath);
            var levels = EmbeddedLevels.ReadLevels();
            var random = new Random(777);
            var timer = Stopwatch.StartNew();
            int ok = 0, refused = 0, count = 3000;
            var options = new TileWindowOptions { WindowWidth = 16, Stride = 8 };
            for (int i = 0; i < count; i++)
            {
                var (name, text) = levels[i % levels.Count];
                byte[] bytes = Encoding.UTF8.GetBytes(text.Length > 4000 ? text.Substring(0, 4000) : text);
                string mutated = Encoding.UTF8.GetString(Mutator.Mutate(bytes, random));
                try
                {
                    TileLevelDataset.FromTexts(new[] { (name, mutated) }, legend, legendPath, legendText, options);
                    ok++;
                }
                catch (DataLoadException e)
                {
                    Assert.That(e.Message, Does.Contain(name));
                    refused++;
                }
            }
            Report("VGLC level fuzz", count, ok, refused, timer.Elapsed);
            Assert.That(refused, Is.GreaterThan(0));
            Assert.That(timer.Elapsed.TotalSeconds, Is.LessThan(20));
        }

        [Test]
        public void MutatedLegends_ParseOrThrowDataLoadException()
        {
            var (legendPath, legendText) = EmbeddedLevels.ReadLegend();
            byte[] bytes = Encoding.UTF8.GetBytes(legendText);
            var random = new Random(31);
            int ok = 0, refused = 0, count = 3000;
            var timer = Stopwatch.StartNew();
            for (int i = 0; i < count; i++)
            {
                try
                {
                    VglcLegend.Parse(Encoding.UTF8.GetString(Mutator.Mutate(bytes, random)), legendPath);
                    ok++;
                }
                catch (DataLoadException)
                {
                    refused++;
                }
            }
            Report("VGLC legend fuzz", count, ok, refused, timer.Elapsed);
            Assert.That(timer.Elapsed.TotalSeconds, Is.LessThan(20));
        }
    }
}
