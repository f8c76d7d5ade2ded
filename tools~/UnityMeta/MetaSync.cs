using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace VaeProcgen.Tools.UnityMeta
{
    /// <summary>
    /// Adds missing .meta files and reports package problems. Never changes an existing GUID; the only metas it
    /// rewrites are those of committed plugin binaries, whose importer settings the tool owns.
    /// </summary>
    public static class MetaSync
    {
        private static readonly Regex GuidLine = new Regex(@"^guid: ([0-9a-f]{32})\s*$", RegexOptions.Multiline);

        /// <summary>Creates what is missing; returns the repo-relative paths of the files written.</summary>
        public static IReadOnlyList<string> Sync(string repoRoot)
        {
            var written = new List<string>();
            IReadOnlyList<string> files = UnityImportScope.RepositoryFiles(repoRoot);
            var folders = new HashSet<string>(Folders(files), StringComparer.Ordinal);
            foreach (string path in UnityImportScope.VisiblePaths(files))
            {
                if (!UnityImportScope.MayShip(path)) continue;
                string metaPath = Path.Combine(repoRoot, path + ".meta");
                PluginBinary? plugin = CommittedPlugin(path);
                string? existingGuid = File.Exists(metaPath) ? ReadGuid(metaPath) : null;
                if (File.Exists(metaPath) && plugin == null) continue;
                bool isFolder = folders.Contains(path) && plugin == null;
                string text = MetaTemplates.For(path, isFolder, existingGuid ?? MetaTemplates.GuidForPath(path), plugin);
                if (File.Exists(metaPath) && File.ReadAllText(metaPath) == text) continue;
                WriteAtomically(metaPath, text);
                written.Add(path + ".meta");
            }
            return written;
        }

        /// <summary>Writes the metas of plugins filled into <paramref name="pluginsFolder"/> (and of the folders on the way).</summary>
        public static IReadOnlyList<string> WritePluginMetas(string pluginsFolder, IEnumerable<PluginBinary> plugins)
        {
            var written = new List<string>();
            foreach (PluginBinary plugin in plugins)
            {
                string[] parts = plugin.RelativePath.Split('/');
                for (int i = 1; i <= parts.Length; i++)
                {
                    string relative = string.Join("/", parts, 0, i);
                    string metaPath = Path.Combine(pluginsFolder, relative + ".meta");
                    bool isPlugin = i == parts.Length;
                    if (!isPlugin && File.Exists(metaPath)) continue;
                    string repoPath = PluginLayout.PluginsFolder + "/" + relative;
                    string? guid = File.Exists(metaPath) ? ReadGuid(metaPath) : null;
                    WriteAtomically(metaPath, MetaTemplates.For(repoPath, !isPlugin, guid ?? MetaTemplates.GuidForPath(repoPath), isPlugin ? plugin : null));
                    written.Add(relative + ".meta");
                }
            }
            return written;
        }

        private static PluginBinary? CommittedPlugin(string path) =>
            PluginLayout.All.FirstOrDefault(p => p.Committed && PluginLayout.PluginsFolder + "/" + p.RelativePath == path);

        private static IEnumerable<string> Folders(IEnumerable<string> files)
        {
            foreach (string file in files)
            {
                for (int slash = file.IndexOf('/'); slash > 0; slash = file.IndexOf('/', slash + 1)) yield return file.Substring(0, slash);
            }
        }

        private static void WriteAtomically(string path, string text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            string temp = path + ".tmp";
            File.WriteAllText(temp, text);
            File.Move(temp, path, overwrite: true);
        }

        /// <summary>The GUID in a meta file, or null when it has none or a malformed one.</summary>
        public static string? ReadGuid(string metaPath)
        {
            Match match = GuidLine.Match(File.ReadAllText(metaPath));
            return match.Success ? match.Groups[1].Value : null;
        }

        /// <summary>
        /// One line per problem: a visible path that should not ship, a visible path without meta, a meta without its
        /// asset (Unity warns about those), a malformed GUID, two metas sharing a GUID.
        /// </summary>
        public static IReadOnlyList<string> FindProblems(string repoRoot)
        {
            var problems = new List<string>();
            IReadOnlyList<string> files = UnityImportScope.RepositoryFiles(repoRoot);
            var fileSet = new HashSet<string>(files, StringComparer.Ordinal);
            IReadOnlyList<string> visible = UnityImportScope.VisiblePaths(files);
            var visibleSet = new HashSet<string>(visible, StringComparer.Ordinal);
            foreach (string path in visible)
            {
                if (!UnityImportScope.MayShip(path))
                {
                    if (!visibleSet.Contains(ParentOf(path)) || UnityImportScope.MayShip(ParentOf(path)))
                    {
                        problems.Add($"visible to Unity but not part of the package: {path} (move it under a folder whose name ends in '~', e.g. Trainer/Source~ or Tests/Source~)");
                    }
                    continue;
                }
                if (!fileSet.Contains(path + ".meta")) problems.Add($"missing meta: {path}.meta (run `dotnet run --project tools~/UnityMeta` and commit it)");
            }
            var owners = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string meta in ScopedMetas(files))
            {
                string asset = meta.Substring(0, meta.Length - ".meta".Length);
                if (!visibleSet.Contains(asset)) problems.Add($"meta without file: {meta} (Unity warns about it; delete it)");
                string? guid = ReadGuid(Path.Combine(repoRoot, meta));
                if (guid == null) { problems.Add($"no valid guid (32 lowercase hex) in {meta}"); continue; }
                if (owners.TryGetValue(guid, out string? other)) problems.Add($"duplicate guid {guid}: {other} and {meta}");
                else owners[guid] = meta;
            }
            return problems;
        }

        private static string ParentOf(string path) => path.Contains('/') ? path.Substring(0, path.LastIndexOf('/')) : "";

        /// <summary>Metas Unity (or a sample import) reads: those whose folder is visible, or inside Samples~.</summary>
        public static IEnumerable<string> ScopedMetas(IEnumerable<string> files)
        {
            foreach (string file in files)
            {
                if (!file.EndsWith(".meta", StringComparison.Ordinal)) continue;
                string[] parts = file.Split('/');
                bool hidden = false;
                for (int i = 0; i < parts.Length - 1; i++)
                {
                    if (i == 0 && parts[0] == UnityImportScope.SamplesFolder) continue;
                    if (UnityImportScope.IsIgnoredByUnity(parts[i]) || UnityImportScope.IsBundleFolder(parts[i])) { hidden = true; break; }
                }
                if (!hidden && !UnityImportScope.IsIgnoredByUnity(parts[parts.Length - 1])) yield return file;
            }
        }

        /// <summary>Every .meta Unity would read in <paramref name="repoRoot"/>, as full paths.</summary>
        public static IEnumerable<string> EnumerateScopedMetas(string repoRoot) =>
            ScopedMetas(UnityImportScope.RepositoryFiles(repoRoot)).Select(m => Path.Combine(repoRoot, m));
    }
}
