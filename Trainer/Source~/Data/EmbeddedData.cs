using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace VaeProcgen.Trainer.Data
{
    /// <summary>Access to the DCSS item sprites embedded in the trainer executable.</summary>
    public static class EmbeddedData
    {
        /// <summary>Manifest resource name prefix of the embedded sprites; the rest is "&lt;class&gt;/&lt;file&gt;.png".</summary>
        public const string SpritePrefix = "EmbeddedData/sprites/dcss-items/";

        private static Assembly TrainerAssembly => typeof(EmbeddedData).Assembly;

        /// <summary>Resource-relative paths of the embedded sprites ("amulet/x.png"), sorted ordinal.</summary>
        public static IReadOnlyList<string> SpritePaths() =>
            TrainerAssembly.GetManifestResourceNames()
                .Where(name => name.StartsWith(SpritePrefix, StringComparison.Ordinal)
                               && name.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
                .Select(name => name.Substring(SpritePrefix.Length))
                .OrderBy(path => path, StringComparer.Ordinal)
                .ToList();

        /// <summary>Reads every embedded sprite: path relative to the sprite root ('/' separated) and PNG bytes, sorted ordinal.</summary>
        public static IReadOnlyList<(string RelativePath, byte[] Bytes)> ReadSprites() =>
            SpritePaths().Select(path => (path, ReadResource(SpritePrefix + path))).ToList();

        /// <summary>
        /// Writes the embedded sprites to <paramref name="folder"/> as &lt;class&gt;/&lt;file&gt;.png (creating folders,
        /// overwriting files) and returns the folder's full path.
        /// </summary>
        public static string ExtractTo(string folder)
        {
            ArgumentException.ThrowIfNullOrEmpty(folder);
            string root = Path.GetFullPath(folder);
            foreach (var (relativePath, bytes) in ReadSprites())
            {
                string target = Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, bytes);
            }
            return root;
        }

        private static byte[] ReadResource(string resourceName)
        {
            using var stream = TrainerAssembly.GetManifestResourceStream(resourceName)
                ?? throw new InvalidOperationException($"Embedded resource '{resourceName}' is missing from the trainer build.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
