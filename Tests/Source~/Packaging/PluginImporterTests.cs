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
            ["Managed/Microsoft.ML.OnnxRuntime.dll"] = (AllPlatforms, null),
            ["Managed/MathNet.Numerics.dll"] = (AllPlatforms, null),
            ["Windows/x86_64/onnxruntime.dll"] = (new[] { "Editor", "Standalone:Win64" }, "Windows"),
            ["Linux/x86_64/libonnxruntime.so"] = (new[] { "Editor", "Standalone:Linux64" }, "Linux"),
            ["macOS/arm64/libonnxruntime.dylib"] = (new[] { "Editor", "Standalone:OSXUniversal" }, "OSX"),
            ["Android/arm64-v8a/libonnxruntime.so"] = (new[] { "Android" }, null),
            ["iOS/onnxruntime.framework"] = (new[] { "iPhone" }, null),
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
            foreach (string file in Directory.EnumerateFiles(pluginsFolder, "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(pluginsFolder, file).Replace('\\', '/');
                int bundle = relative.IndexOf(".framework/", StringComparison.Ordinal);
                produced.Add(bundle >= 0 ? relative.Substring(0, bundle + ".framework".Length) : relative);
            }
            Assert.That(produced.Distinct().OrderBy(p => p), Is.EqualTo(Expected.Keys.OrderBy(p => p)));
            Assert.That(File.Exists(Path.Combine(pluginsFolder, "iOS/onnxruntime.framework/onnxruntime")), "the framework holds its binary");
            Assert.That(new FileInfo(Path.Combine(pluginsFolder, "Android/arm64-v8a/libonnxruntime.so")).Length, Is.GreaterThan(1_000_000));
        }

        [Test]
        public void NativeLibrariesHaveTheRightBinaryFormat()
        {
            Assert.That(Magic("Linux/x86_64/libonnxruntime.so"), Is.EqualTo(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }));
            Assert.That(Magic("Android/arm64-v8a/libonnxruntime.so"), Is.EqualTo(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }));
            Assert.That(Magic("Windows/x86_64/onnxruntime.dll").Take(2), Is.EqualTo(new[] { (byte)'M', (byte)'Z' }));
            Assert.That(Magic("Managed/MathNet.Numerics.dll").Take(2), Is.EqualTo(new[] { (byte)'M', (byte)'Z' }));
            Assert.That(Magic("macOS/arm64/libonnxruntime.dylib"), Is.EqualTo(new byte[] { 0xCF, 0xFA, 0xED, 0xFE }), "64-bit Mach-O");
        }

        [TestCaseSource(nameof(ExpectedPaths))]
        public void CommittedMetaEnablesTheBinaryExactlyOnItsPlatforms(string relativePath)
        {
            string meta = RepoPaths.Of(Path.Combine(PluginLayout.PluginsFolder, relativePath) + ".meta");
            Assert.That(File.Exists(meta), $"{meta} is committed");
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
            if (relativePath.StartsWith("Android/")) Assert.That(importer.Settings["Android"]["CPU"], Is.EqualTo("ARM64"));
            if (relativePath.StartsWith("iOS/")) Assert.That(importer.Settings["iPhone"]["AddToEmbeddedBinaries"], Is.EqualTo("true"));
        }

        [Test]
        public void PluginBinariesAreIgnoredByGitButTheirMetasAreNot()
        {
            string gitignore = File.ReadAllText(RepoPaths.Of(".gitignore"));
            Assert.That(gitignore, Does.Contain("Runtime/Plugins/**/*.dll").And.Contain("Runtime/Plugins/**/*.so").And.Contain("Runtime/Plugins/**/*.dylib"));
            Assert.That(gitignore, Does.Not.Contain("*.meta"));
        }

        private static IEnumerable<string> ExpectedPaths() => Expected.Keys;

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
