using System;
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
            Assert.That(files, Does.Contain("Runtime/**/obj~/**").And.Contain("Runtime/**/bin~/**").And.Contain("Runtime/NuGet~/**"), "build output and NuGet sources are excluded");
            Assert.That(files, Does.Contain("LICENSE.md").And.Contain("README.md").And.Contain("Samples~/**").And.Contain("Runtime/**").And.Contain("Documentation~/**"));
            Assert.That(files.All(f => f.StartsWith("Runtime") || f.StartsWith("Samples~") || f.StartsWith("Documentation~") || f.StartsWith("package.json")
                || f.StartsWith("README") || f.StartsWith("CHANGELOG") || f.StartsWith("LICENSE") || f.StartsWith("Third Party Notices")), string.Join(", ", files));
        }

        [Test]
        public void NoPlaceholdersInManifestsAndProjects()
        {
            foreach (string file in new[] { "package.json", "Runtime/NuGet~/Package.props", "Runtime/VaeProcgen.Runtime.csproj",
                         "Runtime/OnnxRuntime/VaeProcgen.Runtime.OnnxRuntime.csproj", "Documentation~/INSTALL-ENGINES.md", "README.md" })
            {
                string text = File.ReadAllText(RepoPaths.Of(file));
                Assert.That(text, Does.Not.Contain("<org>").And.Not.Contain("&lt;org&gt;"), file);
            }
            Assert.That(Json("package.json").GetProperty("documentationUrl").GetString(), Does.StartWith("https://github.com/vaeprocgen/vaeprocgen/"));
        }

        [Test]
        public void CoreAsmdefReferencesOnlyTheCommittedManagedMathNet()
        {
            JsonElement asmdef = Json("Runtime/VaeProcgen.Runtime.asmdef");
            Assert.That(asmdef.GetProperty("name").GetString(), Is.EqualTo("VaeProcgen.Runtime"));
            Assert.That(asmdef.GetProperty("noEngineReferences").GetBoolean());
            Assert.That(asmdef.GetProperty("overrideReferences").GetBoolean());
            Assert.That(asmdef.GetProperty("allowUnsafeCode").GetBoolean());
            Assert.That(asmdef.GetProperty("references").GetArrayLength(), Is.Zero);
            Assert.That(asmdef.GetProperty("defineConstraints").GetArrayLength(), Is.Zero, "the core always compiles");
            Assert.That(asmdef.GetProperty("precompiledReferences").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "MathNet.Numerics.dll" }));
            Assert.That(File.Exists(RepoPaths.Of("Runtime/Plugins/Managed/MathNet.Numerics.dll")), "a git-URL install needs the dll in git");
            var committed = PluginLayout.All.Where(p => p.Committed).Select(p => p.RelativePath);
            Assert.That(committed, Is.EqualTo(new[] { "Managed/MathNet.Numerics.dll" }), "no native library is committed");
        }

        [Test]
        public void OnnxRuntimeAsmdefCompilesOnlyWithAnOnnxRuntimePackage()
        {
            JsonElement asmdef = Json("Runtime/OnnxRuntime/VaeProcgen.Runtime.OnnxRuntime.asmdef");
            Assert.That(asmdef.GetProperty("name").GetString(), Is.EqualTo("VaeProcgen.Runtime.OnnxRuntime"), "NativeBackendLocator finds it by this name");
            Assert.That(asmdef.GetProperty("references").EnumerateArray().Select(r => r.GetString()),
                Is.EquivalentTo(new[] { "VaeProcgen.Runtime", "com.github.asus4.onnxruntime" }));
            Assert.That(asmdef.GetProperty("defineConstraints").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "VAEPROCGEN_ONNXRUNTIME" }));
            JsonElement versionDefine = asmdef.GetProperty("versionDefines").EnumerateArray().Single();
            Assert.That(versionDefine.GetProperty("name").GetString(), Is.EqualTo("com.github.asus4.onnxruntime"));
            Assert.That(versionDefine.GetProperty("define").GetString(), Is.EqualTo("VAEPROCGEN_ONNXRUNTIME"));
            Assert.That(asmdef.GetProperty("autoReferenced").GetBoolean(), Is.False, "user code never needs it: Backend.Auto finds it");
            Assert.That(asmdef.GetProperty("excludePlatforms").EnumerateArray().Select(r => r.GetString()), Does.Contain("WebGL"));
        }

        [TestCase("README.md")]
        [TestCase("CHANGELOG.md")]
        [TestCase("Documentation~/INSTALL-ENGINES.md")]
        [TestCase("Documentation~/AUTHORING.md")]
        [TestCase("Documentation~/LEVELS.md")]
        public void RelativeLinksPointToFilesThatExist(string document)
        {
            string folder = Path.GetDirectoryName(RepoPaths.Of(document))!;
            var links = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(RepoPaths.Of(document)), @"\]\(([^)#]+)\)")
                .Select(m => Uri.UnescapeDataString(m.Groups[1].Value)).Where(l => !l.Contains("://")).ToList();
            Assert.That(links.Where(l => !File.Exists(Path.Combine(folder, l))), Is.Empty, document);
        }

        [Test]
        public void LinkXmlKeepsTheFactoryFoundByName()
        {
            var linker = System.Xml.Linq.XDocument.Load(RepoPaths.Of("Runtime/link.xml")).Root!;
            var assembly = linker.Elements("assembly").Single(a => (string?)a.Attribute("fullname") == "VaeProcgen.Runtime.OnnxRuntime");
            string type = (string)assembly.Elements("type").Single().Attribute("fullname")!;
            Assert.That(VaeProcgen.Backends.NativeBackendLocator.FactoryTypeName, Does.StartWith(type + ", VaeProcgen.Runtime.OnnxRuntime"));
            Assert.That(Type.GetType(VaeProcgen.Backends.NativeBackendLocator.FactoryTypeName), Is.Not.Null, "the name resolves when the assembly is present");
        }
    }
}
