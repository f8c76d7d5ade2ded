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
        public void EveryUnityVisiblePathHasAMeta()
        {
            var missing = UnityImportScope.PathsNeedingMeta(RepoPaths.Root)
                .Where(path => !File.Exists(RepoPaths.Of(path + ".meta"))).ToList();
            Assert.That(missing, Is.Empty, "Run `dotnet run --project tools/UnityMeta` and commit the new .meta files.");
        }

        [Test]
        public void EveryRuntimeFileAndFolderHasAMeta()
        {
            // Independent walk of Runtime/ (the part that must never miss one), not relying on the tool's scope.
            var missing = new List<string>();
            void Walk(string folder)
            {
                foreach (string entry in Directory.EnumerateFileSystemEntries(folder))
                {
                    string name = Path.GetFileName(entry);
                    if (name.StartsWith(".") || name.EndsWith("~") || name.EndsWith(".meta")) continue;
                    if (!File.Exists(entry + ".meta")) missing.Add(Path.GetRelativePath(RepoPaths.Root, entry));
                    if (Directory.Exists(entry) && !name.EndsWith(".framework")) Walk(entry);
                }
            }
            Walk(RepoPaths.Of("Runtime"));
            Walk(RepoPaths.Of("Samples~"));
            Assert.That(missing, Is.Empty);
        }

        [Test]
        public void EveryMetaHasItsAssetOrIsAnExpectedPluginBinary()
        {
            var plugins = new HashSet<string>(PluginLayout.All.Select(p => PluginLayout.PluginsFolder + "/" + p.RelativePath));
            var orphans = new List<string>();
            foreach (string meta in MetaSync.EnumerateScopedMetas(RepoPaths.Root))
            {
                string asset = meta.Substring(0, meta.Length - ".meta".Length);
                string relative = UnityImportScope.ToRelative(RepoPaths.Root, asset);
                bool pluginFolder = plugins.Any(p => p.StartsWith(relative + "/", StringComparison.Ordinal));
                if (!File.Exists(asset) && !Directory.Exists(asset) && !plugins.Contains(relative) && !pluginFolder) orphans.Add(relative + ".meta");
            }
            Assert.That(orphans, Is.Empty);
        }

        [Test]
        public void GuidsAreWellFormedAndUnique()
        {
            var owners = new Dictionary<string, string>();
            var problems = new List<string>();
            foreach (string meta in MetaSync.EnumerateScopedMetas(RepoPaths.Root))
            {
                string relative = Path.GetRelativePath(RepoPaths.Root, meta);
                string text = File.ReadAllText(meta);
                Assert.That(text, Does.StartWith("fileFormatVersion: 2\n"), relative);
                Match match = GuidLine.Match(text);
                if (!match.Success) { problems.Add($"{relative}: no 32-hex lowercase guid"); continue; }
                if (owners.TryGetValue(match.Groups[1].Value, out string? other)) problems.Add($"{relative} shares its guid with {other}");
                owners[match.Groups[1].Value] = relative;
            }
            Assert.That(problems, Is.Empty);
            Assert.That(owners.Count, Is.GreaterThan(50));
        }

        [TestCase("Runtime/VaeModel.cs", "MonoImporter:")]
        [TestCase("Runtime/VaeProcgen.Runtime.asmdef", "AssemblyDefinitionImporter:")]
        [TestCase("Runtime", "folderAsset: yes")]
        [TestCase("package.json", "PackageManifestImporter:")]
        [TestCase("README.md", "TextScriptImporter:")]
        [TestCase("LICENSE.md", "TextScriptImporter:")]
        [TestCase("Runtime/Plugins/Managed/MathNet.Numerics.dll", "PluginImporter:")]
        public void MetaUsesTheImporterOfItsAssetType(string path, string expected)
        {
            Assert.That(File.ReadAllText(RepoPaths.Of(path + ".meta")), Does.Contain(expected));
        }

        [Test]
        public void ToolReportsNoProblems()
        {
            Assert.That(MetaSync.FindProblems(RepoPaths.Root), Is.Empty);
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
