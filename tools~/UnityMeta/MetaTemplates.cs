using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace VaeProcgen.Tools.UnityMeta
{
    /// <summary>Text of the minimal .meta files Unity 2021.3 writes for each kind of asset.</summary>
    public static class MetaTemplates
    {
        /// <summary>Deterministic GUID for a repo-relative path: MD5 of the UTF-8 path, 32 lowercase hex digits.</summary>
        public static string GuidForPath(string relativePath)
        {
            byte[] hash = MD5.HashData(Encoding.UTF8.GetBytes(relativePath.Replace('\\', '/')));
            return Convert.ToHexString(hash).ToLowerInvariant();
        }

        /// <summary>Meta text for <paramref name="relativePath"/>; <paramref name="plugin"/> is set for plugin binaries.</summary>
        public static string For(string relativePath, bool isFolder, string guid, PluginBinary? plugin)
        {
            var text = new StringBuilder();
            text.Append("fileFormatVersion: 2\n");
            text.Append("guid: ").Append(guid).Append('\n');
            if (plugin != null)
            {
                AppendPlugin(text, plugin);
                return text.ToString();
            }
            if (isFolder)
            {
                text.Append("folderAsset: yes\n");
                AppendSimpleImporter(text, "DefaultImporter");
                return text.ToString();
            }
            string name = relativePath.Substring(relativePath.LastIndexOf('/') + 1);
            string extension = name.Contains('.') ? name.Substring(name.LastIndexOf('.')).ToLowerInvariant() : "";
            if (name == "package.json") AppendSimpleImporter(text, "PackageManifestImporter");
            else if (extension == ".cs") AppendMonoImporter(text);
            else if (extension == ".asmdef") AppendSimpleImporter(text, "AssemblyDefinitionImporter");
            else if (extension is ".md" or ".json" or ".txt" or ".xml" or ".csv" or ".yaml") AppendSimpleImporter(text, "TextScriptImporter");
            else if (extension == ".png") AppendTextureImporter(text);
            else AppendSimpleImporter(text, "DefaultImporter");
            return text.ToString();
        }

        private static void AppendSimpleImporter(StringBuilder text, string importer)
        {
            text.Append(importer).Append(":\n");
            text.Append("  externalObjects: {}\n");
            AppendTail(text);
        }

        private static void AppendTail(StringBuilder text)
        {
            text.Append("  userData: \n  assetBundleName: \n  assetBundleVariant: \n");
        }

        private static void AppendMonoImporter(StringBuilder text)
        {
            text.Append("MonoImporter:\n  externalObjects: {}\n  serializedVersion: 2\n  defaultReferences: []\n");
            text.Append("  executionOrder: 0\n  icon: {instanceID: 0}\n");
            AppendTail(text);
        }

        private static void AppendTextureImporter(StringBuilder text)
        {
            // Minimal: Unity fills every other setting with its defaults on import.
            text.Append("TextureImporter:\n  externalObjects: {}\n  serializedVersion: 11\n  textureType: 0\n");
            text.Append("  spriteMode: 0\n  filterMode: 0\n  textureCompression: 0\n");
            AppendTail(text);
        }

        /// <summary>Unity platform keys of platformData, in the order the Editor writes them.</summary>
        public static readonly IReadOnlyList<(string Group, string Name)> Platforms = new[]
        {
            ("Android", "Android"), ("Editor", "Editor"), ("Standalone", "Linux64"), ("Standalone", "OSXUniversal"),
            ("Standalone", "Win"), ("Standalone", "Win64"), ("WebGL", "WebGL"), ("iPhone", "iOS"),
        };

        private static void AppendPlugin(StringBuilder text, PluginBinary plugin)
        {
            bool managed = plugin.Target == PluginTarget.AllPlatforms;
            text.Append("PluginImporter:\n  externalObjects: {}\n  serializedVersion: 2\n  iconMap: {}\n  executionOrder: {}\n");
            if (plugin.ExcludeDefine == null) text.Append("  defineConstraints: []\n");
            else text.Append("  defineConstraints:\n  - '!").Append(plugin.ExcludeDefine).Append("'\n");
            text.Append("  isPreloaded: 0\n  isOverridable: ").Append(managed ? "1" : "0").Append('\n');
            // Managed plugins are referenced only by the asmdefs that list them (precompiledReferences), never by
            // every user assembly: a project with its own copy keeps working.
            text.Append("  isExplicitlyReferenced: ").Append(managed ? "1" : "0").Append("\n  validateReferences: 1\n  platformData:\n");
            AppendPlatform(text, "Any", "", managed, managed ? ExcludeNone() : new List<(string, string)>());
            foreach (var (group, name) in Platforms)
            {
                bool enabled = managed || IsEnabled(plugin.Target, group, name);
                AppendPlatform(text, group, name, enabled, SettingsFor(plugin.Target, group, name, enabled));
            }
            AppendTail(text);
        }

        private static List<(string, string)> ExcludeNone()
        {
            var settings = new List<(string, string)>();
            foreach (var (_, name) in Platforms) settings.Add(("Exclude " + name, "0"));
            settings.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
            return settings;
        }

        /// <summary>True when a native binary of <paramref name="target"/> must load on that platform entry.</summary>
        public static bool IsEnabled(PluginTarget target, string group, string name) => target switch
        {
            PluginTarget.AllPlatforms => true,
            PluginTarget.WindowsX64 => group == "Editor" || name == "Win64",
            PluginTarget.LinuxX64 => group == "Editor" || name == "Linux64",
            PluginTarget.MacArm64 => group == "Editor" || name == "OSXUniversal",
            PluginTarget.AndroidArm64 => group == "Android",
            PluginTarget.IosArm64 => group == "iPhone",
            _ => false,
        };

        private static List<(string, string)> SettingsFor(PluginTarget target, string group, string name, bool enabled)
        {
            var settings = new List<(string, string)>();
            switch (group)
            {
                case "Editor":
                    string editorCpu = target switch { PluginTarget.MacArm64 => "ARM64", PluginTarget.AllPlatforms => "AnyCPU", _ => "x86_64" };
                    string editorOs = target switch
                    {
                        PluginTarget.WindowsX64 => "Windows", PluginTarget.LinuxX64 => "Linux", PluginTarget.MacArm64 => "OSX", _ => "AnyOS",
                    };
                    settings.Add(("CPU", enabled ? editorCpu : "AnyCPU"));
                    settings.Add(("DefaultValueInitialized", "true"));
                    settings.Add(("OS", enabled ? editorOs : "AnyOS"));
                    break;
                case "Standalone":
                    string cpu = !enabled ? "None" : target switch { PluginTarget.MacArm64 => "ARM64", PluginTarget.AllPlatforms => name == "Win" ? "x86" : "AnyCPU", _ => "x86_64" };
                    settings.Add(("CPU", cpu));
                    break;
                case "Android":
                    settings.Add(("CPU", target == PluginTarget.AndroidArm64 ? "ARM64" : "ARMv7"));
                    break;
                case "iPhone":
                    settings.Add(("AddToEmbeddedBinaries", target == PluginTarget.IosArm64 ? "true" : "false"));
                    settings.Add(("CPU", "AnyCPU"));
                    settings.Add(("CompileFlags", ""));
                    settings.Add(("FrameworkDependencies", ""));
                    break;
            }
            return settings;
        }

        private static void AppendPlatform(StringBuilder text, string group, string name, bool enabled, List<(string Key, string Value)> settings)
        {
            text.Append("  - first:\n      ").Append(group).Append(": ").Append(name).Append('\n');
            text.Append("    second:\n      enabled: ").Append(enabled ? "1" : "0").Append('\n');
            if (settings.Count == 0)
            {
                text.Append("      settings: {}\n");
                return;
            }
            text.Append("      settings:\n");
            foreach (var (key, value) in settings) text.Append("        ").Append(key).Append(": ").Append(value).Append('\n');
        }
    }
}
