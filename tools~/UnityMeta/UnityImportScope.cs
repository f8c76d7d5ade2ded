using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace VaeProcgen.Tools.UnityMeta
{
    /// <summary>
    /// Which paths of the repository Unity imports when the repo root is installed as a package, and which
    /// of them must carry committed .meta files.
    /// Unity skips hidden entries (name starts with '.') and entries whose name ends in '~' (bin~, obj~, Samples~).
    /// Samples~ is still given metas because Package Manager copies it into Assets/ when a sample is imported.
    /// </summary>
    public static class UnityImportScope
    {
        /// <summary>Define symbol that no Unity project sets: assemblies constrained on it are never compiled.</summary>
        public const string DotNetOnlyDefine = "VAEPROCGEN_DOTNET_ONLY";

        /// <summary>Root files that ship with the package and get metas.</summary>
        public static readonly IReadOnlyList<string> RootFiles = new[]
        {
            "package.json", "README.md", "CHANGELOG.md", "LICENSE.md",
            "VaeProcgen.sln", "Directory.Build.props", "Directory.Build.targets",
        };

        /// <summary>Folders whose whole content Unity imports and that must have a meta for every file and folder.</summary>
        public static readonly IReadOnlyList<string> FullyImportedFolders = new[] { "Runtime", "Samples~", "docs" };

        /// <summary>
        /// .NET-only folders (trainer, tests, tools, console sample). They get a folder meta and a guard asmdef
        /// whose define constraint is never set, so Unity compiles none of their C#. Their other files carry no
        /// meta: an immutable (git or tarball) package ignores such files; an embedded copy gets metas from
        /// Unity and the guard asmdef still keeps the code out of compilation.
        /// </summary>
        public static readonly IReadOnlyList<string> DotNetOnlyFolders = new[] { "Trainer", "Tests", "tools", "build", "Samples/ConsoleSample" };

        /// <summary>Plain folders that only hold other scoped folders.</summary>
        public static readonly IReadOnlyList<string> ContainerFolders = new[] { "Samples" };

        /// <summary>Name of the guard asmdef put in a .NET-only folder, e.g. VaeProcgen.DotNetOnly.Samples.ConsoleSample.asmdef.</summary>
        public static string GuardAsmdefName(string dotNetOnlyFolder) => "VaeProcgen.DotNetOnly." + dotNetOnlyFolder.Replace('/', '.');

        /// <summary>True for names Unity never imports (hidden or ending in '~').</summary>
        public static bool IsIgnoredByUnity(string name) => name.StartsWith(".", StringComparison.Ordinal) || name.EndsWith("~", StringComparison.Ordinal);

        /// <summary>
        /// Unity folders imported as one asset (macOS/iOS bundles): they get a meta, their content does not.
        /// </summary>
        public static bool IsBundleFolder(string name) =>
            name.EndsWith(".framework", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".bundle", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".xcframework", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// Every repo-relative path (forward slashes) that must have a committed meta and exists on disk,
        /// plus the plugin binaries of <see cref="PluginLayout"/>, whose metas are committed even though the
        /// binaries themselves are filled in later.
        /// </summary>
        public static IEnumerable<string> PathsNeedingMeta(string repoRoot)
        {
            var paths = new SortedSet<string>(StringComparer.Ordinal);
            foreach (string file in RootFiles)
            {
                if (File.Exists(Path.Combine(repoRoot, file))) paths.Add(file);
            }
            foreach (string folder in FullyImportedFolders)
            {
                string full = Path.Combine(repoRoot, folder);
                if (!Directory.Exists(full)) continue;
                // Samples~ itself is hidden from Unity; only its content is copied into projects.
                if (!IsIgnoredByUnity(folder)) paths.Add(folder);
                AddTree(repoRoot, full, paths);
            }
            foreach (string folder in ContainerFolders.Concat(DotNetOnlyFolders))
            {
                string full = Path.Combine(repoRoot, folder);
                if (!Directory.Exists(full)) continue;
                paths.Add(folder);
            }
            foreach (string folder in DotNetOnlyFolders)
            {
                string asmdef = folder + "/" + GuardAsmdefName(folder) + ".asmdef";
                if (File.Exists(Path.Combine(repoRoot, asmdef))) paths.Add(asmdef);
            }
            foreach (PluginBinary plugin in PluginLayout.All)
            {
                string relative = PluginLayout.PluginsFolder + "/" + plugin.RelativePath;
                paths.Add(relative);
                // Folders on the way to a plugin exist in git through the plugin metas they hold.
                for (int slash = relative.LastIndexOf('/'); slash > 0; slash = relative.LastIndexOf('/', slash - 1))
                {
                    paths.Add(relative.Substring(0, slash));
                }
            }
            return paths;
        }

        private static void AddTree(string repoRoot, string folder, ISet<string> paths)
        {
            foreach (string entry in Directory.EnumerateFileSystemEntries(folder))
            {
                string name = Path.GetFileName(entry);
                if (IsIgnoredByUnity(name) || name.EndsWith(".meta", StringComparison.Ordinal)) continue;
                paths.Add(ToRelative(repoRoot, entry));
                if (Directory.Exists(entry) && !IsBundleFolder(name)) AddTree(repoRoot, entry, paths);
            }
        }

        /// <summary>Repo-relative path with forward slashes.</summary>
        public static string ToRelative(string repoRoot, string fullPath) => Path.GetRelativePath(repoRoot, fullPath).Replace('\\', '/');
    }
}
