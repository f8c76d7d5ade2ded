using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace VaeProcgen.Trainer.Data.Levels
{
    /// <summary>
    /// Access to the VGLC level sets embedded in the trainer executable: resources named
    /// "EmbeddedData/levels/&lt;game&gt;/…", with one *.json legend and the *.txt levels (any sub-folder) per game.
    /// </summary>
    public static class EmbeddedLevels
    {
        /// <summary>Resource name prefix of all embedded level sets.</summary>
        public const string Prefix = "EmbeddedData/levels/";

        /// <summary>The level set used by default.</summary>
        public const string DefaultGame = "vglc-super-mario-bros";

        private static Assembly TrainerAssembly => typeof(EmbeddedLevels).Assembly;

        /// <summary>Names of the embedded games (folder names under EmbeddedData/levels), sorted ordinal.</summary>
        public static IReadOnlyList<string> Games() =>
            TrainerAssembly.GetManifestResourceNames()
                .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.IndexOf('/', Prefix.Length) > 0)
                .Select(name => name.Substring(Prefix.Length, name.IndexOf('/', Prefix.Length) - Prefix.Length))
                .Distinct()
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToList();

        /// <summary>The game's levels: path relative to the game folder ('/' separated) and text, sorted ordinal by path.</summary>
        public static IReadOnlyList<(string RelativePath, string Text)> ReadLevels(string game = DefaultGame) =>
            ResourcesOf(game)
                .Where(path => path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
                .Select(path => (path, ReadText(Prefix + game + "/" + path)))
                .ToList();

        /// <summary>The game's legend JSON: its path relative to the game folder and text. Exactly one *.json must exist.</summary>
        public static (string RelativePath, string Text) ReadLegend(string game = DefaultGame)
        {
            var legends = ResourcesOf(game).Where(path => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).ToList();
            if (legends.Count != 1)
                throw new DataLoadException($"Embedded level set '{game}' has {legends.Count} legend JSON files; it needs exactly one.");
            return (legends[0], ReadText(Prefix + game + "/" + legends[0]));
        }

        private static IEnumerable<string> ResourcesOf(string game)
        {
            ArgumentException.ThrowIfNullOrEmpty(game);
            string prefix = Prefix + game + "/";
            var paths = TrainerAssembly.GetManifestResourceNames()
                .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
                .Select(name => name.Substring(prefix.Length))
                .OrderBy(path => path, StringComparer.Ordinal)
                .ToList();
            if (paths.Count == 0) throw new DataLoadException($"No embedded level set named '{game}'; available: {string.Join(", ", Games())}.");
            return paths;
        }

        private static string ReadText(string resourceName)
        {
            using Stream stream = TrainerAssembly.GetManifestResourceStream(resourceName)
                ?? throw new InvalidOperationException($"Embedded resource '{resourceName}' is missing from the trainer build.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
