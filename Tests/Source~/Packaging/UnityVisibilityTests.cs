using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;
using VaeProcgen.Tools.UnityMeta;

namespace VaeProcgen.Tests.Packaging
{
    /// <summary>
    /// What a Unity user gets from "Add package from git URL": the files of a fresh clone, filtered by Unity's own
    /// rules (names starting with '.' or ending in '~' are skipped, as are folders named cvs and *.tmp files;
    /// .framework/.bundle folders are one asset). Written independently of tools~/UnityMeta; only the file list of a
    /// fresh clone (git ls-files, tracked + untracked-but-not-ignored) comes from there.
    /// </summary>
    [TestFixture]
    public sealed class UnityVisibilityTests
    {
        private static readonly Regex GuidLine = new Regex(@"^guid: ([0-9a-f]{32})\r?$", RegexOptions.Multiline);

        // The only visible entries outside Runtime/ (the product's fixed top-level names and the package's root files).
        private static readonly HashSet<string> AllowedOutsideRuntime = new HashSet<string>(StringComparer.Ordinal)
        {
            "package.json", "README.md", "CHANGELOG.md", "LICENSE.md", "Third Party Notices.md", "VaeProcgen.sln",
            "Directory.Build.props", "Directory.Build.targets",
            "Trainer", "Trainer/VaeProcgen.Trainer.csproj", "Tests", "Tests/VaeProcgen.Tests.csproj", "Samples", "Samples/README.md",
        };

        private static bool Hidden(string name) =>
            name.StartsWith(".") || name.EndsWith("~") || name.Equals("cvs", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase);

        private static bool Bundle(string name) => name.EndsWith(".framework") || name.EndsWith(".bundle") || name.EndsWith(".xcframework");

        /// <summary>Visible paths (files and folders, metas excluded) and visible metas of the clone.</summary>
        private static (SortedSet<string> Visible, List<string> Metas, HashSet<string> Files) Scan()
        {
            var files = new HashSet<string>(UnityImportScope.RepositoryFiles(RepoPaths.Root), StringComparer.Ordinal);
            var visible = new SortedSet<string>(StringComparer.Ordinal);
            var metas = new List<string>();
            foreach (string file in files)
            {
                string[] parts = file.Split('/');
                int shown = 0;
                while (shown < parts.Length && !Hidden(parts[shown]) && (shown == 0 || !Bundle(parts[shown - 1]))) shown++;
                if (file.EndsWith(".meta"))
                {
                    if (shown == parts.Length) metas.Add(file);
                    shown = Math.Min(shown, parts.Length - 1);
                }
                for (int i = 1; i <= shown; i++) visible.Add(string.Join("/", parts, 0, i));
            }
            return (visible, metas, files);
        }

        [Test]
        public void NothingVisibleOutsideRuntimeExceptTheProductsTopLevelNames()
        {
            var (visible, _, _) = Scan();
            var leaking = visible.Where(p => !p.StartsWith("Runtime/") && p != "Runtime" && !AllowedOutsideRuntime.Contains(p))
                .Where(p => !visible.Contains(Path.GetDirectoryName(p)!.Replace('\\', '/')) || AllowedOutsideRuntime.Contains(Path.GetDirectoryName(p)!.Replace('\\', '/')))
                .ToList();
            Assert.That(leaking, Is.Empty,
                "Unity would import these from a git-URL install; move them under a folder whose name ends in '~' (Trainer/Source~, Tests/Source~, ...).");
        }

        [Test]
        public void NoTrainingDataTestSourcesToolsOrDocsAreVisible()
        {
            var (visible, _, _) = Scan();
            Assert.That(visible.Where(p => p.EndsWith(".png") && !p.StartsWith("Runtime/")), Is.Empty, "training data and doc images");
            Assert.That(visible.Where(p => p.EndsWith(".cs") && !p.StartsWith("Runtime/")), Is.Empty, "trainer, test, tool and sample sources");
            Assert.That(visible.Where(p => p.EndsWith(".md") && p.Contains('/') && p != "Samples/README.md"), Is.Empty, "documentation sources");
            Assert.That(visible, Does.Contain("Runtime/VaeModel.cs"), "the scan sees the runtime at all");
        }

        [Test]
        public void EveryVisiblePathHasAMeta()
        {
            var (visible, _, files) = Scan();
            var missing = visible.Where(p => (p.StartsWith("Runtime") || AllowedOutsideRuntime.Contains(p)) && !files.Contains(p + ".meta")).ToList();
            Assert.That(missing.Select(p => p + ".meta"), Is.Empty, "Run `dotnet run --project tools~/UnityMeta` and commit the new .meta files.");
        }

        [Test]
        public void EverySampleFileAndFolderHasAMeta()
        {
            var (_, _, files) = Scan();
            var sampleEntries = new SortedSet<string>(StringComparer.Ordinal);
            foreach (string file in files.Where(f => f.StartsWith("Samples~/") && !f.EndsWith(".meta")))
            {
                string[] parts = file.Split('/');
                for (int i = 2; i <= parts.Length; i++) sampleEntries.Add(string.Join("/", parts, 0, i));
            }
            Assert.That(sampleEntries, Is.Not.Empty);
            Assert.That(sampleEntries.Where(p => !files.Contains(p + ".meta")), Is.Empty, "a sample import copies Samples~ into Assets/ with its metas");
        }

        [Test]
        public void NoMetaWithoutItsAsset()
        {
            var (visible, metas, _) = Scan();
            var orphans = metas.Where(m => !visible.Contains(m.Substring(0, m.Length - ".meta".Length))).ToList();
            Assert.That(orphans, Is.Empty, "Unity warns about a .meta whose asset is missing; delete it (or commit the asset).");
        }

        [Test]
        public void GuidsAreWellFormedAndUnique()
        {
            var (_, metas, files) = Scan();
            var owners = new Dictionary<string, string>();
            var problems = new List<string>();
            foreach (string meta in metas.Concat(files.Where(f => f.StartsWith("Samples~/") && f.EndsWith(".meta"))).Distinct())
            {
                string text = File.ReadAllText(RepoPaths.Of(meta));
                if (!text.StartsWith("fileFormatVersion: 2\n")) problems.Add($"{meta}: does not start with fileFormatVersion: 2");
                Match match = GuidLine.Match(text);
                if (!match.Success) { problems.Add($"{meta}: no 32-hex lowercase guid"); continue; }
                if (owners.TryGetValue(match.Groups[1].Value, out string? other)) problems.Add($"{meta} shares its guid with {other}");
                owners[match.Groups[1].Value] = meta;
            }
            Assert.That(problems, Is.Empty);
            Assert.That(owners.Count, Is.GreaterThan(100));
        }

        [Test]
        public void ScanFollowsUnitysRules()
        {
            Assert.That(Hidden(".ci") && Hidden("Source~") && Hidden("CVS") && Hidden("x.tmp"), Is.True);
            Assert.That(Hidden("Runtime") || Hidden("a~b") || Hidden("README.md"), Is.False);
            Assert.That(Bundle("onnxruntime.framework"), Is.True);
        }
    }
}
