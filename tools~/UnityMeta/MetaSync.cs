using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace VaeProcgen.Tools.UnityMeta
{
    /// <summary>Adds missing .meta files (and guard asmdefs) and reports meta problems. Never rewrites an existing meta.</summary>
    public static class MetaSync
    {
        private static readonly Regex GuidLine = new Regex(@"^guid: ([0-9a-f]{32})\s*$", RegexOptions.Multiline);

        /// <summary>Creates what is missing; returns the repo-relative paths of the files written.</summary>
        public static IReadOnlyList<string> Sync(string repoRoot)
        {
            var written = new List<string>();
            foreach (string folder in UnityImportScope.DotNetOnlyFolders)
            {
                if (!Directory.Exists(Path.Combine(repoRoot, folder))) continue;
                string asmdef = folder + "/" + UnityImportScope.GuardAsmdefName(folder) + ".asmdef";
                string full = Path.Combine(repoRoot, asmdef);
                if (File.Exists(full)) continue;
                File.WriteAllText(full, GuardAsmdefJson(UnityImportScope.GuardAsmdefName(folder)));
                written.Add(asmdef);
            }
            var pluginsByPath = PluginLayout.All.ToDictionary(p => PluginLayout.PluginsFolder + "/" + p.RelativePath, StringComparer.Ordinal);
            foreach (string path in UnityImportScope.PathsNeedingMeta(repoRoot))
            {
                string metaPath = Path.Combine(repoRoot, path + ".meta");
                if (File.Exists(metaPath)) continue;
                pluginsByPath.TryGetValue(path, out PluginBinary? plugin);
                bool isFolder = plugin == null && Directory.Exists(Path.Combine(repoRoot, path)) || IsPluginParentFolder(path);
                Directory.CreateDirectory(Path.GetDirectoryName(metaPath)!);
                File.WriteAllText(metaPath, MetaTemplates.For(path, isFolder, MetaTemplates.GuidForPath(path), plugin));
                written.Add(path + ".meta");
            }
            return written;
        }

        private static bool IsPluginParentFolder(string path) =>
            PluginLayout.All.Any(p => (PluginLayout.PluginsFolder + "/" + p.RelativePath).StartsWith(path + "/", StringComparison.Ordinal));

        /// <summary>JSON of an asmdef that Unity never compiles (its define constraint is never set).</summary>
        public static string GuardAsmdefJson(string name) =>
            "{\n" +
            $"    \"name\": \"{name}\",\n" +
            "    \"references\": [],\n" +
            "    \"includePlatforms\": [],\n" +
            "    \"excludePlatforms\": [],\n" +
            "    \"allowUnsafeCode\": false,\n" +
            "    \"overrideReferences\": true,\n" +
            "    \"precompiledReferences\": [],\n" +
            "    \"autoReferenced\": false,\n" +
            $"    \"defineConstraints\": [\n        \"{UnityImportScope.DotNetOnlyDefine}\"\n    ],\n" +
            "    \"versionDefines\": [],\n" +
            "    \"noEngineReferences\": true\n" +
            "}\n";

        /// <summary>The GUID in a meta file, or null when it has none or a malformed one.</summary>
        public static string? ReadGuid(string metaPath)
        {
            Match match = GuidLine.Match(File.ReadAllText(metaPath));
            return match.Success ? match.Groups[1].Value : null;
        }

        /// <summary>
        /// Human-readable problems: a path in scope without meta, a meta without its file (plugin metas excepted,
        /// their binaries are filled later), a malformed GUID, two metas sharing a GUID.
        /// </summary>
        public static IReadOnlyList<string> FindProblems(string repoRoot)
        {
            var problems = new List<string>();
            var expected = new HashSet<string>(UnityImportScope.PathsNeedingMeta(repoRoot), StringComparer.Ordinal);
            foreach (string path in expected.OrderBy(p => p, StringComparer.Ordinal))
            {
                if (!File.Exists(Path.Combine(repoRoot, path + ".meta"))) problems.Add($"missing meta: {path}.meta");
            }
            var owners = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string meta in EnumerateScopedMetas(repoRoot))
            {
                string relative = UnityImportScope.ToRelative(repoRoot, meta);
                string asset = relative.Substring(0, relative.Length - ".meta".Length);
                bool exists = File.Exists(Path.Combine(repoRoot, asset)) || Directory.Exists(Path.Combine(repoRoot, asset));
                if (!exists && !expected.Contains(asset)) problems.Add($"meta without file: {relative}");
                string? guid = ReadGuid(meta);
                if (guid == null) { problems.Add($"no valid guid (32 lowercase hex) in {relative}"); continue; }
                if (owners.TryGetValue(guid, out string? other)) problems.Add($"duplicate guid {guid}: {other} and {relative}");
                else owners[guid] = relative;
            }
            return problems;
        }

        /// <summary>Every .meta file Unity (or a sample import) would see, skipping hidden and '~' folders except Samples~.</summary>
        public static IEnumerable<string> EnumerateScopedMetas(string repoRoot)
        {
            foreach (string file in Directory.EnumerateFiles(repoRoot, "*.meta")) yield return file;
            foreach (string folder in Directory.EnumerateDirectories(repoRoot))
            {
                string name = Path.GetFileName(folder);
                if (UnityImportScope.IsIgnoredByUnity(name) && name != "Samples~") continue;
                foreach (string file in EnumerateMetasBelow(folder)) yield return file;
            }
        }

        private static IEnumerable<string> EnumerateMetasBelow(string folder)
        {
            foreach (string file in Directory.EnumerateFiles(folder, "*.meta")) yield return file;
            foreach (string sub in Directory.EnumerateDirectories(folder))
            {
                string name = Path.GetFileName(sub);
                if (UnityImportScope.IsIgnoredByUnity(name) || UnityImportScope.IsBundleFolder(name)) continue;
                foreach (string file in EnumerateMetasBelow(sub)) yield return file;
            }
        }
    }
}
