using System;
using System.Collections.Generic;
using System.IO;

namespace VaeProcgen.Tools.UnityMeta
{
    /// <summary>
    /// dotnet run --project tools~/UnityMeta -- [meta|check|plugins] [--root DIR] [--out DIR] [--nuget-cache DIR]
    ///   meta     add missing .meta files (default; keeps existing GUIDs, refreshes committed plugin importer settings)
    ///   check    list package problems (visible files that should not ship, missing or orphan metas, duplicate GUIDs); exit 1 when there are any
    ///   plugins  offline route: copy the ONNX Runtime binaries from the NuGet cache into Runtime/Plugins/OnnxRuntime
    ///            (git-ignored) with their metas (restores first if needed)
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            string verb = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "meta";
            var options = ParseOptions(args);
            try
            {
                string root = options.TryGetValue("--root", out string? r) ? Path.GetFullPath(r) : FindRepoRoot(Directory.GetCurrentDirectory());
                switch (verb)
                {
                    case "meta":
                        IReadOnlyList<string> written = MetaSync.Sync(root);
                        foreach (string path in written) Console.WriteLine($"wrote {path}");
                        Console.WriteLine($"{written.Count} file(s) written");
                        return 0;
                    case "check":
                        IReadOnlyList<string> problems = MetaSync.FindProblems(root);
                        foreach (string problem in problems) Console.WriteLine(problem);
                        Console.WriteLine(problems.Count == 0 ? "metas OK" : $"{problems.Count} problem(s)");
                        return problems.Count == 0 ? 0 : 1;
                    case "plugins":
                        string cache = options.TryGetValue("--nuget-cache", out string? c) ? c : PluginFiller.DefaultNuGetCache();
                        if (PluginFiller.MissingPackages(cache).Count > 0) PluginFiller.RestoreRuntime(root);
                        string output = options.TryGetValue("--out", out string? o) ? Path.GetFullPath(o) : Path.Combine(root, PluginLayout.PluginsFolder);
                        foreach (string path in PluginFiller.Fill(cache, output)) Console.WriteLine($"copied {path}");
                        return 0;
                    default:
                        Console.Error.WriteLine($"unknown verb '{verb}'; use meta, check or plugins");
                        return 2;
                }
            }
            catch (Exception error) when (error is IOException or InvalidOperationException or InvalidDataException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: {error.Message}");
                return 1;
            }
        }

        private static Dictionary<string, string> ParseOptions(string[] args)
        {
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < args.Length - 1; i++)
            {
                if (args[i].StartsWith("--", StringComparison.Ordinal)) options[args[i]] = args[++i];
            }
            return options;
        }

        /// <summary>Walks up from <paramref name="start"/> to the folder holding package.json and VaeProcgen.sln.</summary>
        public static string FindRepoRoot(string start)
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "package.json")) && File.Exists(Path.Combine(dir.FullName, "VaeProcgen.sln"))) return dir.FullName;
            }
            throw new InvalidOperationException($"no folder above {start} holds package.json and VaeProcgen.sln; pass --root");
        }
    }
}
