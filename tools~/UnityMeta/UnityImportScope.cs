using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace VaeProcgen.Tools.UnityMeta
{
    /// <summary>
    /// What Unity sees when the repository root is installed as a package, by Unity's own rules: it skips every
    /// file and folder whose name starts with '.' or ends with '~', folders named cvs and files ending in .tmp, and it
    /// imports a .framework/.bundle folder as one asset. Everything else needs a committed .meta (a git or tarball
    /// package is immutable: Unity ignores a file without one and logs a warning). Samples~ is hidden too, but
    /// Package Manager copies its content into Assets/ when a sample is imported, so it keeps its metas.
    /// The files considered are those a fresh clone has: tracked plus untracked-but-not-ignored (git), or every
    /// file on disk when git is not available.
    /// </summary>
    public static class UnityImportScope
    {
        /// <summary>The hidden folder whose content is imported into user projects as samples.</summary>
        public const string SamplesFolder = "Samples~";

        /// <summary>Root files that ship with the package (or must stay at the root) and carry a meta.</summary>
        public static readonly IReadOnlyList<string> RootFiles = new[]
        {
            "package.json", "README.md", "CHANGELOG.md", "LICENSE.md", "Third Party Notices.md",
            "VaeProcgen.sln", "Directory.Build.props", "Directory.Build.targets",
        };

        /// <summary>The folder whose whole content is the Unity package's code.</summary>
        public const string RuntimeFolder = "Runtime";

        /// <summary>
        /// Top-level folders that must keep their names (the product layout) but whose content is hidden from Unity,
        /// with the few visible entries they may hold: the project file (so `dotnet run --project Trainer` works) or a
        /// pointer for Unity users. Everything else in them lives under a folder ending in '~' (Trainer/Source~, ...).
        /// </summary>
        public static readonly IReadOnlyDictionary<string, string[]> ContainerFolders = new Dictionary<string, string[]>
        {
            ["Trainer"] = new[] { "Trainer/VaeProcgen.Trainer.csproj" },
            ["Tests"] = new[] { "Tests/VaeProcgen.Tests.csproj" },
            ["Samples"] = new[] { "Samples/README.md" },
        };

        /// <summary>True for names Unity never imports.</summary>
        public static bool IsIgnoredByUnity(string name) =>
            name.StartsWith(".", StringComparison.Ordinal) || name.EndsWith("~", StringComparison.Ordinal)
            || string.Equals(name, "cvs", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase);

        /// <summary>Unity folders imported as one asset (macOS/iOS bundles): they get a meta, their content does not.</summary>
        public static bool IsBundleFolder(string name) =>
            name.EndsWith(".framework", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".bundle", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".xcframework", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// Repo-relative files (forward slashes) of a fresh clone: git's tracked and untracked-but-not-ignored files
        /// that exist on disk; every file on disk (build output folders excluded by name) when git is unavailable.
        /// </summary>
        public static IReadOnlyList<string> RepositoryFiles(string repoRoot)
        {
            List<string>? fromGit = GitFiles(repoRoot);
            if (fromGit != null) return fromGit.Where(f => File.Exists(Path.Combine(repoRoot, f)) || Directory.Exists(Path.Combine(repoRoot, f))).ToList();
            return Directory.EnumerateFiles(repoRoot, "*", SearchOption.AllDirectories)
                .Select(f => ToRelative(repoRoot, f))
                .Where(f => !f.Split('/').Any(part => part == ".git" || part == "bin~" || part == "obj~"))
                .ToList();
        }

        private static List<string>? GitFiles(string repoRoot)
        {
            if (!File.Exists(Path.Combine(repoRoot, ".git")) && !Directory.Exists(Path.Combine(repoRoot, ".git"))) return null;
            try
            {
                var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                foreach (string arg in new[] { "-C", repoRoot, "ls-files", "-z", "--cached", "--others", "--exclude-standard" }) start.ArgumentList.Add(arg);
                using Process process = Process.Start(start)!;
                string output = process.StandardOutput.ReadToEnd();
                process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0) return null;
                return output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception || e is InvalidOperationException)
            {
                return null;
            }
        }

        /// <summary>
        /// Every path Unity imports (files and folders, without .meta files), or that a sample import copies into a
        /// project (content of Samples~). Each needs a meta. Content of bundle folders is left out.
        /// </summary>
        public static IReadOnlyList<string> VisiblePaths(string repoRoot) => VisiblePaths(RepositoryFiles(repoRoot));

        /// <summary><see cref="VisiblePaths(string)"/> over a given file list.</summary>
        public static IReadOnlyList<string> VisiblePaths(IEnumerable<string> files)
        {
            var paths = new SortedSet<string>(StringComparer.Ordinal);
            foreach (string file in files)
            {
                if (file.EndsWith(".meta", StringComparison.Ordinal)) continue;
                string[] parts = file.Split('/');
                bool samples = parts[0] == SamplesFolder;
                for (int i = 0; i < parts.Length; i++)
                {
                    if (!(samples && i == 0) && IsIgnoredByUnity(parts[i])) break;
                    if (!(samples && i == 0)) paths.Add(string.Join("/", parts, 0, i + 1));
                    if (i < parts.Length - 1 && IsBundleFolder(parts[i])) break;
                }
            }
            return paths.ToList();
        }

        /// <summary>True when a visible path belongs in the package (runtime, samples, root files, allowed container entries).</summary>
        public static bool MayShip(string path)
        {
            string top = path.Split('/')[0];
            if (top == RuntimeFolder || top == SamplesFolder) return true;
            if (!path.Contains('/')) return RootFiles.Contains(path) || ContainerFolders.ContainsKey(path);
            return ContainerFolders.TryGetValue(top, out string[]? allowed) && allowed.Contains(path);
        }

        /// <summary>Repo-relative path with forward slashes.</summary>
        public static string ToRelative(string repoRoot, string fullPath) => Path.GetRelativePath(repoRoot, fullPath).Replace('\\', '/');
    }
}
