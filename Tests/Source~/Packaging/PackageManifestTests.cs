using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using NUnit.Framework;
using VaeProcgen.Tools.UnityMeta;

namespace VaeProcgen.Tests.Packaging
{
    [TestFixture]
    public sealed class PackageManifestTests
    {
        private static JsonElement Json(string relativePath) => JsonDocument.Parse(File.ReadAllText(RepoPaths.Of(relativePath))).RootElement;

        [Test]
        public void ManifestHasTheRequiredUpmFields()
        {
            JsonElement manifest = Json("package.json");
            Assert.That(manifest.GetProperty("name").GetString(), Is.EqualTo("com.vaeprocgen.runtime").And.Match("^[a-z0-9]+(\\.[a-z0-9-]+){2,}$"));
            Assert.That(manifest.GetProperty("version").GetString(), Is.EqualTo("0.1.0"));
            Assert.That(manifest.GetProperty("unity").GetString(), Is.EqualTo("2021.3"));
            Assert.That(manifest.GetProperty("license").GetString(), Is.EqualTo("MIT"));
            Assert.That(manifest.GetProperty("displayName").GetString(), Is.Not.Empty);
            Assert.That(manifest.GetProperty("description").GetString(), Is.Not.Empty);
            Assert.That(manifest.GetProperty("author").GetProperty("name").GetString(), Is.Not.Empty);
            Assert.That(manifest.GetProperty("keywords").GetArrayLength(), Is.GreaterThan(0));
            Assert.That(manifest.GetProperty("documentationUrl").GetString(), Does.EndWith("/README.md"));
            Assert.That(manifest.GetProperty("changelogUrl").GetString(), Does.EndWith("/CHANGELOG.md"));
            foreach (string file in new[] { "README.md", "CHANGELOG.md", "LICENSE.md" }) Assert.That(File.Exists(RepoPaths.Of(file)), file);
        }

        [Test]
        public void VersionsAgree()
        {
            string csprojVersion = XDocument.Load(RepoPaths.Of("Directory.Build.props")).Descendants("Version").Single().Value;
            Assert.That(Json("package.json").GetProperty("version").GetString(), Is.EqualTo(csprojVersion));
            Assert.That(File.ReadAllText(RepoPaths.Of("CHANGELOG.md")), Does.Contain($"[{csprojVersion}]"));
        }

        [Test]
        public void SamplesAreHiddenFoldersWithScriptsAndAsmdefsReferencingTheRuntime()
        {
            JsonElement samples = Json("package.json").GetProperty("samples");
            Assert.That(samples.GetArrayLength(), Is.GreaterThanOrEqualTo(2));
            foreach (JsonElement sample in samples.EnumerateArray())
            {
                string path = sample.GetProperty("path").GetString()!;
                Assert.That(sample.GetProperty("displayName").GetString(), Is.Not.Empty);
                Assert.That(sample.GetProperty("description").GetString(), Is.Not.Empty);
                Assert.That(path, Does.StartWith("Samples~/"), "Unity must not compile samples inside the package");
                Assert.That(Directory.EnumerateFiles(RepoPaths.Of(path), "*.cs", SearchOption.AllDirectories), Is.Not.Empty);
                foreach (string asmdef in Directory.EnumerateFiles(RepoPaths.Of(path), "*.asmdef", SearchOption.AllDirectories))
                {
                    JsonElement json = JsonDocument.Parse(File.ReadAllText(asmdef)).RootElement;
                    Assert.That(json.GetProperty("references").EnumerateArray().Select(r => r.GetString()), Does.Contain("VaeProcgen.Runtime"), asmdef);
                }
            }
            JsonElement editor = Json("Samples~/SpriteGeneration/Editor/VaeProcgen.Samples.SpriteGeneration.Editor.asmdef");
            Assert.That(editor.GetProperty("includePlatforms").EnumerateArray().Select(p => p.GetString()), Is.EqualTo(new[] { "Editor" }));
            Assert.That(File.Exists(RepoPaths.Of("Samples~/SpriteGeneration/Editor/SpriteVariationWindow.cs")));
            Assert.That(File.Exists(RepoPaths.Of("Samples~/SpriteGeneration/SpriteGeneratorBehaviour.cs")));
            Assert.That(File.Exists(RepoPaths.Of("Samples~/TilemapLevels/LevelTilemapBehaviour.cs")));
        }

        [Test]
        public void PublishedFilesAreRuntimeSamplesDocsAndLicenseOnly()
        {
            var files = Json("package.json").GetProperty("files").EnumerateArray().Select(f => f.GetString()!.TrimStart('!')).ToList();
            Assert.That(files, Does.Contain("Runtime/obj~/**").And.Contain("Runtime/bin~/**"), "build output is excluded");
            Assert.That(files, Does.Contain("LICENSE.md").And.Contain("README.md").And.Contain("Samples~/**").And.Contain("Runtime/Plugins/**"));
            Assert.That(files.All(f => f.StartsWith("Runtime") || f.StartsWith("Samples~") || f.StartsWith("docs") || f.StartsWith("package.json")
                || f.StartsWith("README") || f.StartsWith("CHANGELOG") || f.StartsWith("LICENSE")), string.Join(", ", files));
        }

        [Test]
        public void RuntimeAsmdefHasNoEngineReferencesAndTheTwoPrecompiledDlls()
        {
            JsonElement asmdef = Json("Runtime/VaeProcgen.Runtime.asmdef");
            Assert.That(asmdef.GetProperty("name").GetString(), Is.EqualTo("VaeProcgen.Runtime"));
            Assert.That(asmdef.GetProperty("noEngineReferences").GetBoolean());
            Assert.That(asmdef.GetProperty("overrideReferences").GetBoolean());
            Assert.That(asmdef.GetProperty("allowUnsafeCode").GetBoolean());
            Assert.That(asmdef.GetProperty("precompiledReferences").EnumerateArray().Select(r => r.GetString()),
                Is.EquivalentTo(new[] { "MathNet.Numerics.dll", "Microsoft.ML.OnnxRuntime.dll" }));
            var pluginDlls = PluginLayout.All.Where(p => p.Target == PluginTarget.AllPlatforms).Select(p => Path.GetFileName(p.RelativePath));
            Assert.That(pluginDlls, Is.EquivalentTo(new[] { "MathNet.Numerics.dll", "Microsoft.ML.OnnxRuntime.dll" }));
        }

        [TestCase("Trainer")]
        [TestCase("Tests")]
        [TestCase("tools")]
        [TestCase("build")]
        [TestCase("Samples/ConsoleSample")]
        public void DotNetOnlyFolderHasANeverCompiledGuardAsmdef(string folder)
        {
            string[] asmdefs = Directory.GetFiles(RepoPaths.Of(folder), "*.asmdef");
            Assert.That(asmdefs, Has.Length.EqualTo(1), $"{folder} needs exactly one top-level asmdef");
            JsonElement json = JsonDocument.Parse(File.ReadAllText(asmdefs[0])).RootElement;
            Assert.That(json.GetProperty("defineConstraints").EnumerateArray().Select(d => d.GetString()), Is.EqualTo(new[] { UnityImportScope.DotNetOnlyDefine }));
            Assert.That(json.GetProperty("autoReferenced").GetBoolean(), Is.False);
        }
    }
}
