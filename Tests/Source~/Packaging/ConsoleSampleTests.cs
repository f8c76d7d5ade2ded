using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using NUnit.Framework;
using VaeProcgen.Authoring;
using VaeProcgen.Backends;
using VaeProcgen.Samples;
using VaeProcgen.Tests.Authoring;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Trainer.Export;
using VaeProcgen.Trainer.Models;

namespace VaeProcgen.Tests.Packaging
{
    [TestFixture]
    public sealed class ConsoleSampleTests
    {
        /// <summary>
        /// Writes an untrained 16x16 sprite model (decoder + encoder). When VAEPROCGEN_FIXTURE_MODEL_DIR is set the
        /// folder is written there, so the CI scripts (.ci/package-check.sh, .ci/aot-check.sh) get a real model.
        /// </summary>
        public static string WriteFixtureModel(string folder)
        {
            using var vae = new ConvVae(new VaeArchitecture(new VaeShape(4, 16, 16), VaePreset.Tiny, 8, 0));
            ModelWriter.Write(vae, new ExportMetadata(), folder);
            return folder;
        }

        [Test]
        public void FixtureModelLoadsOnTheManagedBackend()
        {
            string folder = Environment.GetEnvironmentVariable("VAEPROCGEN_FIXTURE_MODEL_DIR") is { Length: > 0 } target
                ? target
                : Path.Combine(Path.GetTempPath(), "vaeprocgen-fixture-" + Guid.NewGuid().ToString("N"));
            WriteFixtureModel(folder);
            using VaeModel model = VaeModel.Load(folder, new VaeModelOptions { Backend = Backend.Managed });
            Assert.That(model.Contract.Width, Is.EqualTo(16));
            Assert.That(model.HasEncoder);
        }

        [Test]
        public void TinyPngRoundTripsThroughAnIndependentDecoder()
        {
            var rgba = new byte[5 * 3 * 4];
            for (int i = 0; i < rgba.Length; i++) rgba[i] = (byte)(i * 37);
            byte[] png = TinyPng.Encode(rgba, 5, 3);
            Assert.That(ReferencePngDecoder.DecodeRgba(png), Is.EqualTo(rgba));
        }

        [Test]
        public void ConsoleSampleWritesOnePngPerSeedMatchingTheRuntime()
        {
            string root = Path.Combine(Path.GetTempPath(), "vaeprocgen-sample-" + Guid.NewGuid().ToString("N"));
            try
            {
                string modelDir = WriteFixtureModel(Path.Combine(root, "model"));
                string outDir = Path.Combine(root, "out");
                string output = RunSample(modelDir, outDir, "5", "3", "--backend", "managed");
                Assert.That(output, Does.Contain("3 sprite(s) of 16x16 on Managed"));

                using VaeModel model = VaeModel.Load(modelDir, new VaeModelOptions { Backend = Backend.Managed });
                for (long seed = 5; seed < 8; seed++)
                {
                    byte[] decoded = ReferencePngDecoder.DecodeRgba(File.ReadAllBytes(Path.Combine(outDir, $"sprite_{seed}.png")));
                    Assert.That(decoded, Is.EqualTo(model.GenerateRgba(seed)), $"seed {seed}");
                }
            }
            finally
            {
                if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
            }
        }

        [TestCase(false)]
        [TestCase(true)]
        public void ConsoleSampleSnapsToTheTrainingPaletteUnlessSmooth(bool smooth)
        {
            string outDir = Path.Combine(Path.GetTempPath(), "vaeprocgen-sample-" + Guid.NewGuid().ToString("N"));
            try
            {
                var args = new List<string> { AuthoringModels.Unconditional, outDir, "9", "2", "--backend", "managed" };
                if (smooth) args.Add("--smooth");
                RunSample(args.ToArray());
                using VaeModel model = VaeModel.Load(AuthoringModels.Unconditional, new VaeModelOptions { Backend = Backend.Managed });
                Assert.That(model.Contract.Palette, Is.Not.Empty, "the authoring model stores its training palette");
                var snapper = new PaletteSnapper(model.Contract.Palette);
                for (long seed = 9; seed < 11; seed++)
                {
                    byte[] decoded = ReferencePngDecoder.DecodeRgba(File.ReadAllBytes(Path.Combine(outDir, $"sprite_{seed}.png")));
                    byte[] expected = model.GenerateRgba(seed);
                    if (!smooth) snapper.Snap(expected);
                    Assert.That(decoded, Is.EqualTo(expected), $"seed {seed}");
                }
            }
            finally
            {
                if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
            }
        }

        /// <summary>Runs the console sample with <paramref name="args"/>, asserts it succeeded and returns its output.</summary>
        private static string RunSample(params string[] args)
        {
            string sampleDll = Path.Combine(TestContext.CurrentContext.TestDirectory, "ConsoleSample.dll");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(sampleDll);
            foreach (string arg in args) start.ArgumentList.Add(arg);
            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.EqualTo(0), output);
            return output;
        }
    }
}
