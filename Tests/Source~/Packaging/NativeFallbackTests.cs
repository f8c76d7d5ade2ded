using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace VaeProcgen.Tests.Packaging
{
    /// <summary>
    /// Backend.Auto with the native ONNX Runtime library really absent: the console sample runs from a folder that
    /// holds only managed assemblies (no runtimes/*/native, no deps.json), as on a platform without the plugin.
    /// </summary>
    [TestFixture]
    public sealed class NativeFallbackTests
    {
        private static readonly string[] CoreFiles =
        {
            "ConsoleSample.dll", "ConsoleSample.runtimeconfig.json", "VaeProcgen.Runtime.dll", "MathNet.Numerics.dll", "System.Numerics.Tensors.dll",
        };

        private static readonly string[] OnnxRuntimeBackendFiles = { "VaeProcgen.Runtime.OnnxRuntime.dll", "Microsoft.ML.OnnxRuntime.dll" };

        private static string App(string root, string name, bool withBackendAssembly)
        {
            string app = Path.Combine(root, name);
            Directory.CreateDirectory(app);
            foreach (string file in withBackendAssembly ? CoreFiles.Concat(OnnxRuntimeBackendFiles) : CoreFiles)
            {
                File.Copy(Path.Combine(TestContext.CurrentContext.TestDirectory, file), Path.Combine(app, file));
            }
            return app;
        }

        private static (int ExitCode, string Output) RunSample(string appFolder, string modelDir, string outDir, string backend)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string arg in new[] { Path.Combine(appFolder, "ConsoleSample.dll"), modelDir, outDir, "1", "2", "--backend", backend }) start.ArgumentList.Add(arg);
            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }

        [Test]
        public void AutoFallsBackToManagedWhenTheNativeLibraryIsMissing_AndOnnxRuntimeFailsClearly()
        {
            string root = Path.Combine(Path.GetTempPath(), "vaeprocgen-fallback-" + Guid.NewGuid().ToString("N"));
            try
            {
                string app = App(root, "app", withBackendAssembly: true);
                Assert.That(Directory.GetFiles(app, "*onnxruntime.so*", SearchOption.AllDirectories), Is.Empty);
                string modelDir = ConsoleSampleTests.WriteFixtureModel(Path.Combine(root, "model"));

                var auto = RunSample(app, modelDir, Path.Combine(root, "auto"), "auto");
                Assert.That(auto.ExitCode, Is.EqualTo(0), auto.Output);
                Assert.That(auto.Output, Does.Contain("on Managed"));
                Assert.That(Directory.GetFiles(Path.Combine(root, "auto"), "*.png"), Has.Length.EqualTo(2));

                var native = RunSample(app, modelDir, Path.Combine(root, "native"), "onnxruntime");
                Assert.That(native.ExitCode, Is.EqualTo(1), native.Output);
                Assert.That(native.Output, Does.Contain("ONNX Runtime native library could not be loaded"));
                Assert.That(native.Output, Does.Not.Contain("   at "), "one sentence, no stack trace");

                string core = App(root, "core-only", withBackendAssembly: false);
                var coreAuto = RunSample(core, modelDir, Path.Combine(root, "core-auto"), "auto");
                Assert.That(coreAuto.ExitCode, Is.EqualTo(0), coreAuto.Output);
                Assert.That(coreAuto.Output, Does.Contain("on Managed"), "without VaeProcgen.Runtime.OnnxRuntime, Auto is managed");
                var coreNative = RunSample(core, modelDir, Path.Combine(root, "core-native"), "onnxruntime");
                Assert.That(coreNative.ExitCode, Is.EqualTo(1), coreNative.Output);
                Assert.That(coreNative.Output, Does.Contain("needs the VaeProcgen.Runtime.OnnxRuntime assembly"));
                Assert.That(coreNative.Output, Does.Not.Contain("   at "), "one sentence, no stack trace");

                var withNative = RunSample(TestContext.CurrentContext.TestDirectory, modelDir, Path.Combine(root, "with-native"), "auto");
                Assert.That(withNative.ExitCode, Is.EqualTo(0), withNative.Output);
                Assert.That(withNative.Output, Does.Contain("on OnnxRuntime"), "with the library present, Auto picks ONNX Runtime");
            }
            finally
            {
                if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
            }
        }
    }
}
