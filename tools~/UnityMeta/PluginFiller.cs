using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace VaeProcgen.Tools.UnityMeta
{
    /// <summary>Copies the plugin binaries of <see cref="PluginLayout"/> from the local NuGet cache.</summary>
    public static class PluginFiller
    {
        /// <summary>The NuGet global packages folder: NUGET_PACKAGES or ~/.nuget/packages.</summary>
        public static string DefaultNuGetCache() =>
            Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
                ? custom
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        /// <summary>Package folders that are not in the cache yet.</summary>
        public static IReadOnlyList<string> MissingPackages(string nugetCache) =>
            PluginLayout.All.Select(p => Path.Combine(nugetCache, p.PackageId, p.PackageVersion))
                .Distinct().Where(folder => !Directory.Exists(folder)).ToList();

        /// <summary>Runs `dotnet restore` on the runtime project so its packages land in the cache.</summary>
        public static void RestoreRuntime(string repoRoot)
        {
            var start = new ProcessStartInfo("dotnet", $"restore \"{Path.Combine(repoRoot, "Runtime", "OnnxRuntime", "VaeProcgen.Runtime.OnnxRuntime.csproj")}\"") { UseShellExecute = false };
            using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet restore failed with exit code {process.ExitCode}");
        }

        /// <summary>Fills <paramref name="pluginsFolder"/>; returns the relative paths written.</summary>
        public static IReadOnlyList<string> Fill(string nugetCache, string pluginsFolder)
        {
            var written = new List<string>();
            foreach (PluginBinary plugin in PluginLayout.All)
            {
                string source = Path.Combine(nugetCache, plugin.PackageId, plugin.PackageVersion, plugin.SourcePath);
                if (!File.Exists(source)) throw new FileNotFoundException($"{plugin.RelativePath}: {source} is missing from the NuGet cache", source);
                string destination = Path.Combine(pluginsFolder, plugin.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                switch (plugin.SourceKind)
                {
                    case PluginSourceKind.File:
                        File.Copy(source, destination, overwrite: true);
                        break;
                    case PluginSourceKind.ZipEntry:
                        using (ZipArchive zip = ZipFile.OpenRead(source))
                        {
                            ZipArchiveEntry entry = zip.GetEntry(plugin.EntryPath!) ?? throw new InvalidDataException($"{source} has no entry {plugin.EntryPath}");
                            entry.ExtractToFile(destination, overwrite: true);
                        }
                        break;
                    case PluginSourceKind.ZipFolder:
                        ExtractFolder(source, plugin.EntryPath!, destination);
                        break;
                }
                written.Add(plugin.RelativePath);
            }
            // The offline ONNX Runtime plugins are not in git, so neither are their metas: write them next to the binaries.
            written.AddRange(MetaSync.WritePluginMetas(pluginsFolder, PluginLayout.All.Where(p => !p.Committed)));
            return written;
        }

        private static void ExtractFolder(string zipPath, string prefix, string destination)
        {
            if (Directory.Exists(destination)) Directory.Delete(destination, recursive: true);
            Directory.CreateDirectory(destination);
            string root = Path.GetFullPath(destination) + Path.DirectorySeparatorChar;
            using ZipArchive zip = ZipFile.OpenRead(zipPath);
            int count = 0;
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                if (!entry.FullName.StartsWith(prefix, StringComparison.Ordinal) || entry.FullName.Length == prefix.Length) continue;
                string target = Path.GetFullPath(Path.Combine(destination, entry.FullName.Substring(prefix.Length)));
                if (!target.StartsWith(root, StringComparison.Ordinal)) throw new InvalidDataException($"zip entry {entry.FullName} escapes {destination}");
                if (entry.FullName.EndsWith("/", StringComparison.Ordinal)) { Directory.CreateDirectory(target); continue; }
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target, overwrite: true);
                count++;
            }
            if (count == 0) throw new InvalidDataException($"{zipPath} has nothing under {prefix}");
        }
    }
}
