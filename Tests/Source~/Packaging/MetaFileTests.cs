using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;
using VaeProcgen.Tools.UnityMeta;

namespace VaeProcgen.Tests.Packaging
{
    [TestFixture]
    public sealed class MetaFileTests
    {
        private static readonly Regex GuidLine = new Regex(@"^guid: ([0-9a-f]{32})$", RegexOptions.Multiline);

        [Test]
        public void ToolFindsNoPackageProblems()
        {
            Assert.That(MetaSync.FindProblems(RepoPaths.Root), Is.Empty, "`dotnet run --project tools~/UnityMeta -- check` lists the same");
        }

        [Test]
        public void ToolReportsALeakingFileAMissingMetaAnOrphanAndADuplicateGuid()
        {
            string root = Path.Combine(Path.GetTempPath(), "vaeprocgen-scope-" + Guid.NewGuid().ToString("N"));
            try
            {
                Directory.CreateDirectory(Path.Combine(root, "Runtime"));
                Directory.CreateDirectory(Path.Combine(root, "Trainer", "Source~"));
                File.WriteAllText(Path.Combine(root, "Runtime", "A.cs"), "class A {}");
                File.WriteAllText(Path.Combine(root, "Runtime", "B.cs"), "class B {}");
                File.WriteAllText(Path.Combine(root, "Runtime", "A.cs.meta"), "fileFormatVersion: 2\nguid: 0123456789abcdef0123456789abcdef\n");
                File.WriteAllText(Path.Combine(root, "Runtime", "Gone.cs.meta"), "fileFormatVersion: 2\nguid: 0123456789abcdef0123456789abcdef\n");
                File.WriteAllText(Path.Combine(root, "Trainer", "New.cs"), "class N {}");
                File.WriteAllText(Path.Combine(root, "Trainer", "Source~", "Hidden.cs"), "class H {}");
                IReadOnlyList<string> problems = MetaSync.FindProblems(root);
                Assert.That(problems, Has.Some.StartsWith("visible to Unity but not part of the package: Trainer/New.cs"));
                Assert.That(problems, Has.Some.StartsWith("missing meta: Runtime/B.cs.meta"));
                Assert.That(problems, Has.Some.StartsWith("meta without file: Runtime/Gone.cs.meta"));
                Assert.That(problems, Has.Some.StartsWith("duplicate guid 0123456789abcdef0123456789abcdef"));
                Assert.That(problems, Has.None.Contains("Hidden.cs"), "Source~ is hidden from Unity");
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }

        [TestCase("Runtime/VaeModel.cs", "MonoImporter:")]
        [TestCase("Runtime/VaeProcgen.Runtime.asmdef", "AssemblyDefinitionImporter:")]
        [TestCase("Runtime", "folderAsset: yes")]
        [TestCase("package.json", "PackageManifestImporter:")]
        [TestCase("README.md", "TextScriptImporter:")]
        [TestCase("LICENSE.md", "TextScriptImporter:")]
        [TestCase("Runtime/Plugins/Managed/MathNet.Numerics.dll", "PluginImporter:")]
        [TestCase("Runtime/OnnxRuntime/VaeProcgen.Runtime.OnnxRuntime.asmdef", "AssemblyDefinitionImporter:")]
        [TestCase("Runtime/link.xml", "TextScriptImporter:")]
        public void MetaUsesTheImporterOfItsAssetType(string path, string expected)
        {
            Assert.That(File.ReadAllText(RepoPaths.Of(path + ".meta")), Does.Contain(expected));
        }

        [Test]
        public void SyncIsDeterministicAndKeepsExistingGuids()
        {
            string root = Path.Combine(Path.GetTempPath(), "vaeprocgen-meta-" + Guid.NewGuid().ToString("N"));
            try
            {
                Directory.CreateDirectory(Path.Combine(root, "Runtime", "Sub"));
                File.WriteAllText(Path.Combine(root, "package.json"), "{}");
                File.WriteAllText(Path.Combine(root, "VaeProcgen.sln"), "");
                File.WriteAllText(Path.Combine(root, "Runtime", "A.cs"), "class A {}");
                File.WriteAllText(Path.Combine(root, "Runtime", "Sub", "B.cs"), "class B {}");
                const string keptGuid = "0123456789abcdef0123456789abcdef";
                File.WriteAllText(Path.Combine(root, "Runtime", "A.cs.meta"), $"fileFormatVersion: 2\nguid: {keptGuid}\n");

                IReadOnlyList<string> first = MetaSync.Sync(root);
                Dictionary<string, string> firstTexts = ReadMetas(root);
                IReadOnlyList<string> second = MetaSync.Sync(root);

                Assert.That(first, Does.Contain("Runtime/Sub/B.cs.meta").And.Contain("Runtime/Sub.meta").And.Not.Contain("Runtime/A.cs.meta"));
                Assert.That(second, Is.Empty, "a second run writes nothing");
                Assert.That(ReadMetas(root), Is.EqualTo(firstTexts));
                Assert.That(MetaSync.ReadGuid(Path.Combine(root, "Runtime", "A.cs.meta")), Is.EqualTo(keptGuid));
                Assert.That(MetaSync.ReadGuid(Path.Combine(root, "Runtime", "Sub", "B.cs.meta")), Is.EqualTo(MetaTemplates.GuidForPath("Runtime/Sub/B.cs")));
                Assert.That(MetaSync.FindProblems(root), Is.Empty);

                File.Delete(Path.Combine(root, "Runtime", "Sub", "B.cs"));
                Assert.That(MetaSync.FindProblems(root), Has.Some.Contains("meta without file: Runtime/Sub/B.cs.meta"));
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }

        [Test]
        public void GuidForPathIsStableLowercaseHex()
        {
            string guid = MetaTemplates.GuidForPath("Runtime/VaeModel.cs");
            Assert.That(guid, Does.Match("^[0-9a-f]{32}$"));
            Assert.That(MetaTemplates.GuidForPath("Runtime/VaeModel.cs"), Is.EqualTo(guid));
            Assert.That(MetaTemplates.GuidForPath("Runtime/VaeModel2.cs"), Is.Not.EqualTo(guid));
        }

        private static Dictionary<string, string> ReadMetas(string root) =>
            Directory.EnumerateFiles(root, "*.meta", SearchOption.AllDirectories).ToDictionary(p => p, File.ReadAllText);
    }
}
