using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Backends;
using VaeProcgen.Backends.Managed;
using VaeProcgen.Generation.Tiles;
using VaeProcgen.Tests.EndToEnd;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Tests.Packaging;
using VaeProcgen.Tests.Tiles;
using VaeProcgen.Trainer.Models;

namespace VaeProcgen.Tests.Managed.ScalarPath
{
    /// <summary>
    /// The managed backend's scalar kernels (runtimes without hardware SIMD) produce exactly the vector kernels'
    /// results, hence the ONNX Runtime pixels within 1/255 and the same tile levels: forced in process, and for real
    /// in a child process started with DOTNET_EnableHWIntrinsic=0.
    /// </summary>
    [TestFixture, NonParallelizable]
    public sealed class ScalarPathParityTests
    {
        private const int Seeds = 8;

        private static byte[][] Sprites(VaeModel model, bool scalar)
        {
            KernelPath.ForceScalar = scalar;
            try
            {
                return Enumerable.Range(0, Seeds).Select(seed => model.GenerateRgba(seed)).ToArray();
            }
            finally
            {
                KernelPath.ForceScalar = false;
            }
        }

        private static void AssertWithinOne(byte[] expected, byte[] actual, string what)
        {
            int worst = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
            Assert.That(actual.Length, Is.EqualTo(expected.Length), what);
            Assert.That(worst, Is.LessThanOrEqualTo(1), $"{what}: a pixel channel differs by {worst}/255");
        }

        [Test]
        public void BaseSpriteDecoder_ScalarKernelsEqualVectorKernelsAndOnnxRuntime()
        {
            using ConvVae vae = TinyModels.CreateUntrained(VaePreset.Base, 16, seed: 21);
            vae.eval();
            byte[] decoder = TinyModels.DecoderBytes(vae, TinyModels.Metadata(vae));
            using VaeModel ort = VaeModel.Load(decoder, null, new VaeModelOptions { Backend = Backend.OnnxRuntime });
            using VaeModel managed = VaeModel.Load(decoder, null, new VaeModelOptions { Backend = Backend.Managed });
            byte[][] vector = Sprites(managed, scalar: false), scalar = Sprites(managed, scalar: true), reference = Sprites(ort, scalar: false);
            for (int seed = 0; seed < Seeds; seed++)
            {
                Assert.That(scalar[seed], Is.EqualTo(vector[seed]), $"seed {seed}: scalar and vector kernels differ");
                AssertWithinOne(reference[seed], scalar[seed], $"seed {seed} vs ONNX Runtime");
            }
        }

        [Test]
        public void Level_ScalarKernelsGiveTheOnnxRuntimeLevel()
        {
            using VaeModel ort = VaeModel.Load(TrainedTileModel.Folder, new VaeModelOptions { Backend = Backend.OnnxRuntime });
            using VaeModel managed = VaeModel.Load(TrainedTileModel.Folder, new VaeModelOptions { Backend = Backend.Managed });
            TileGrid expected = ort.GenerateLevel(11, 3, ort.LevelOptions(repair: true, checkPlayability: false));
            KernelPath.ForceScalar = true;
            try
            {
                Assert.That(managed.GenerateLevel(11, 3, managed.LevelOptions(repair: true, checkPlayability: false)), Is.EqualTo(expected));
            }
            finally
            {
                KernelPath.ForceScalar = false;
            }
        }

        [Test]
        public void WithoutHardwareIntrinsics_ConsoleSampleWritesTheSamePixels()
        {
            string root = Path.Combine(Path.GetTempPath(), "vaeprocgen-nosimd-" + Guid.NewGuid().ToString("N"));
            try
            {
                string modelDir = ConsoleSampleTests.WriteFixtureModel(Path.Combine(root, "model"));
                string outDir = Path.Combine(root, "out");
                var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
                start.Environment["DOTNET_EnableHWIntrinsic"] = "0";
                string sample = Path.Combine(TestContext.CurrentContext.TestDirectory, "ConsoleSample.dll");
                foreach (string arg in new[] { sample, modelDir, outDir, "0", Seeds.ToString(), "--backend", "managed" }) start.ArgumentList.Add(arg);
                using Process process = Process.Start(start)!;
                string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
                process.WaitForExit();
                Assert.That(process.ExitCode, Is.EqualTo(0), output);

                using VaeModel managed = VaeModel.Load(modelDir, new VaeModelOptions { Backend = Backend.Managed });
                using VaeModel ort = VaeModel.Load(modelDir, new VaeModelOptions { Backend = Backend.OnnxRuntime });
                for (int seed = 0; seed < Seeds; seed++)
                {
                    byte[] written = ReferencePngDecoder.DecodeRgba(File.ReadAllBytes(Path.Combine(outDir, $"sprite_{seed}.png")));
                    Assert.That(written, Is.EqualTo(managed.GenerateRgba(seed)), $"seed {seed}: no-SIMD process vs vector kernels");
                    AssertWithinOne(ort.GenerateRgba(seed), written, $"seed {seed}: no-SIMD process vs ONNX Runtime");
                }
            }
            finally
            {
                if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
            }
        }
    }
}
