using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Tools.UnityMeta;

namespace VaeProcgen.Tests.Packaging
{
    [TestFixture]
    public sealed class PluginImporterTests
    {
        private static readonly string[] AllPlatforms =
            { "Android", "Editor", "Standalone:Linux64", "Standalone:OSXUniversal", "Standalone:Win", "Standalone:Win64", "WebGL", "iPhone" };

        // Written out here, independently of the tool's tables: where each binary must load.
        private static readonly Dictionary<string, (string[] Platforms, string? EditorOs)> Expected = new Dictionary<string, (string[], string?)>
        {
            ["OnnxRuntime/Managed/Microsoft.ML.OnnxRuntime.dll"] = (AllPlatforms, null),
            ["Managed/MathNet.Numerics.dll"] = (AllPlatforms, null),
            ["OnnxRuntime/Windows/x86_64/onnxruntime.dll"] = (new[] { "Editor", "Standalone:Win64" }, "Windows"),
            ["OnnxRuntime/Linux/x86_64/libonnxruntime.so"] = (new[] { "Editor", "Standalone:Linux64" }, "Linux"),
            ["OnnxRuntime/macOS/arm64/libonnxruntime.dylib"] = (new[] { "Editor", "Standalone:OSXUniversal" }, "OSX"),
            ["OnnxRuntime/Android/arm64-v8a/libonnxruntime.so"] = (new[] { "Android" }, null),
            ["OnnxRuntime/iOS/onnxruntime.framework"] = (new[] { "iPhone" }, null),
        };

        private string pluginsFolder = "";

        [OneTimeSetUp]
        public void FillPluginsIntoTempFolder()
        {
            string cache = PluginFiller.DefaultNuGetCache();
            if (PluginFiller.MissingPackages(cache).Count > 0) Assert.Ignore($"ONNX Runtime/MathNet packages are not in {cache}; build Runtime first.");
            pluginsFolder = Path.Combine(Path.GetTempPath(), "vaeprocgen-plugins-" + Guid.NewGuid().ToString("N"));
            PluginFiller.Fill(cache, pluginsFolder);
        }

        [OneTimeTearDown]
        public void DeleteTempFolder()
        {
            if (Directory.Exists(pluginsFolder)) Directory.Delete(pluginsFolder, recursive: true);
        }

        [Test]
        public void ToolProducesExactlyTheExpectedBinaries()
        {
            var produced = new List<string>();
            foreach (string file in Directory.EnumerateFiles(pluginsFolder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".meta")))
            {
                string relative = Path.GetRelativePath(pluginsFolder, file).Replace('\\', '/');
                int bundle = relative.IndexOf(".framework/", StringComparison.Ordinal);
                produced.Add(bundle >= 0 ? relative.Substring(0, bundle + ".framework".Length) : relative);
            }
            Assert.That(produced.Distinct().OrderBy(p => p), Is.EqualTo(Expected.Keys.OrderBy(p => p)));
            Assert.That(File.Exists(Path.Combine(pluginsFolder, "OnnxRuntime/iOS/onnxruntime.framework/onnxruntime")), "the framework holds its binary");
            Assert.That(new FileInfo(Path.Combine(pluginsFolder, "OnnxRuntime/Android/arm64-v8a/libonnxruntime.so")).Length, Is.GreaterThan(1_000_000));
        }

        [Test]
        public void NativeLibrariesHaveTheRightBinaryFormat()
        {
            Assert.That(Magic("OnnxRuntime/Linux/x86_64/libonnxruntime.so"), Is.EqualTo(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }));
            Assert.That(Magic("OnnxRuntime/Android/arm64-v8a/libonnxruntime.so"), Is.EqualTo(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }));
            Assert.That(Magic("OnnxRuntime/Windows/x86_64/onnxruntime.dll").Take(2), Is.EqualTo(new[] { (byte)'M', (byte)'Z' }));
            Assert.That(Magic("Managed/MathNet.Numerics.dll").Take(2), Is.EqualTo(new[] { (byte)'M', (byte)'Z' }));
            Assert.That(Magic("OnnxRuntime/macOS/arm64/libonnxruntime.dylib"), Is.EqualTo(new byte[] { 0xCF, 0xFA, 0xED, 0xFE }), "64-bit Mach-O");
        }

        [TestCaseSource(nameof(ExpectedPaths))]
        public void MetaEnablesTheBinaryExactlyOnItsPlatforms(string relativePath)
        {
            // MathNet's meta is committed next to the committed dll; the ONNX Runtime metas are written by `plugins`.
            bool committed = relativePath.StartsWith("Managed/");
            string meta = committed ? RepoPaths.Of(Path.Combine(PluginLayout.PluginsFolder, relativePath) + ".meta") : Path.Combine(pluginsFolder, relativePath + ".meta");
            Assert.That(File.Exists(meta), $"{meta} exists");
            Assert.That(File.ReadAllText(meta), Does.Contain(managedOnly(relativePath) ? "isExplicitlyReferenced: 1" : "isExplicitlyReferenced: 0"),
                "managed plugins are referenced only by the asmdefs that list them");
            var importer = ParsePluginMeta(File.ReadAllText(meta));
            var (platforms, editorOs) = Expected[relativePath];
            bool managed = platforms.Length == AllPlatforms.Length;

            Assert.That(importer.Enabled["Any"], Is.EqualTo(managed), "Any Platform only for managed assemblies");
            if (managed)
            {
                Assert.That(importer.Settings["Any"].Where(s => s.Key.StartsWith("Exclude ") && s.Value != "0"), Is.Empty, "no platform excluded");
            }
            var enabled = importer.Enabled.Where(e => e.Value && e.Key != "Any").Select(e => e.Key).OrderBy(k => k);
            Assert.That(enabled, Is.EqualTo(platforms.OrderBy(k => k)));
            Assert.That(importer.Enabled["WebGL"], Is.EqualTo(managed), "native code never goes to WebGL");
            if (editorOs != null)
            {
                Assert.That(importer.Settings["Editor"]["OS"], Is.EqualTo(editorOs));
            }
            if (relativePath.StartsWith("OnnxRuntime/Android/")) Assert.That(importer.Settings["Android"]["CPU"], Is.EqualTo("ARM64"));
            if (relativePath.StartsWith("OnnxRuntime/iOS/")) Assert.That(importer.Settings["iPhone"]["AddToEmbeddedBinaries"], Is.EqualTo("true"));
        }

        [Test]
        public void OfflineOnnxRuntimePluginsAreIgnoredByGitAndTheCommittedMathNetMatchesNuGet()
        {
            string gitignore = File.ReadAllText(RepoPaths.Of(".gitignore"));
            Assert.That(gitignore, Does.Contain("Runtime/Plugins/OnnxRuntime/").And.Contain("Runtime/Plugins/OnnxRuntime.meta"));
            Assert.That(gitignore, Does.Not.Contain("*.meta"));
            Assert.That(File.ReadAllBytes(RepoPaths.Of("Runtime/Plugins/Managed/MathNet.Numerics.dll")),
                Is.EqualTo(File.ReadAllBytes(Path.Combine(pluginsFolder, "Managed/MathNet.Numerics.dll"))), "the committed dll is the NuGet package's netstandard2.0 build");
            Assert.That(File.ReadAllText(RepoPaths.Of("Runtime/Plugins/Managed/MathNet.Numerics.dll.meta")), Does.Contain("'!" + PluginLayout.ExternalMathNetDefine + "'"),
                "a project with its own MathNet can drop ours with a scripting define");
        }

        private static IEnumerable<string> ExpectedPaths() => Expected.Keys;

        private static bool managedOnly(string relativePath) => relativePath.EndsWith(".dll") && relativePath.Contains("Managed/");

        private byte[] Magic(string relativePath)
        {
            using FileStream stream = File.OpenRead(Path.Combine(pluginsFolder, relativePath));
            var magic = new byte[4];
            stream.ReadExactly(magic);
            return magic;
        }

        /// <summary>Reads platformData: "group" or "group:name" to enabled flag and settings.</summary>
        private static (Dictionary<string, bool> Enabled, Dictionary<string, Dictionary<string, string>> Settings) ParsePluginMeta(string text)
        {
            var enabled = new Dictionary<string, bool>();
            var settings = new Dictionary<string, Dictionary<string, string>>();
            string? current = null;
            bool inFirst = false, inSettings = false;
            foreach (string raw in text.Split('\n'))
            {
                string line = raw.TrimEnd();
                string trimmed = line.Trim();
                if (trimmed == "- first:") { inFirst = true; inSettings = false; continue; }
                if (inFirst)
                {
                    int colon = trimmed.IndexOf(':');
                    string group = trimmed.Substring(0, colon);
                    string name = trimmed.Substring(colon + 1).Trim();
                    current = group is "Standalone" ? $"{group}:{name}" : group;
                    settings[current] = new Dictionary<string, string>();
                    inFirst = false;
                    continue;
                }
                if (current == null) continue;
                if (trimmed.StartsWith("enabled:")) { enabled[current] = trimmed.EndsWith("1"); continue; }
                if (trimmed.StartsWith("settings:")) { inSettings = !trimmed.EndsWith("{}"); continue; }
                if (inSettings && line.StartsWith("        "))
                {
                    int colon = trimmed.IndexOf(':');
                    settings[current][trimmed.Substring(0, colon)] = trimmed.Substring(colon + 1).Trim();
                    continue;
                }
                if (!line.StartsWith("    ")) current = null;
            }
            return (enabled, settings);
        }
    }
}
