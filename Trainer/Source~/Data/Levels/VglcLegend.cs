using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using VaeProcgen.Contract;

namespace VaeProcgen.Trainer.Data.Levels
{
    /// <summary>
    /// Reads a VGLC legend, JSON of the form {"tiles": {"X": ["solid", "ground"], ...}}, into tile legend entries
    /// sorted by character (ordinal), so channel indices are stable whatever the key order in the file.
    /// </summary>
    public static class VglcLegend
    {
        /// <summary>Reads and parses a legend file; a missing or malformed file gives a <see cref="DataLoadException"/> naming it.</summary>
        public static IReadOnlyList<TileLegendEntry> Load(string path)
        {
            ArgumentException.ThrowIfNullOrEmpty(path);
            if (!File.Exists(path)) throw new DataLoadException($"Tile legend '{path}' does not exist; pass the VGLC legend JSON file of the levels.");
            string text;
            try { text = File.ReadAllText(path); }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new DataLoadException($"Tile legend '{path}' could not be read ({e.Message}).", e);
            }
            return Parse(text, path);
        }

        /// <summary>Parses legend JSON; <paramref name="sourceName"/> names the file in error messages.</summary>
        public static IReadOnlyList<TileLegendEntry> Parse(string json, string sourceName)
        {
            ArgumentNullException.ThrowIfNull(json);
            JsonDocument document;
            try { document = JsonDocument.Parse(json); }
            catch (JsonException e)
            {
                throw new DataLoadException($"Tile legend '{sourceName}' is not valid JSON ({e.Message}).", e);
            }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object
                    || !document.RootElement.TryGetProperty("tiles", out JsonElement tiles)
                    || tiles.ValueKind != JsonValueKind.Object)
                {
                    throw new DataLoadException($"Tile legend '{sourceName}' must be an object with a \"tiles\" object mapping each character to a list of tags.");
                }
                var byCharacter = new SortedDictionary<char, IReadOnlyList<string>>(Comparer<char>.Create((a, b) => a.CompareTo(b)));
                foreach (JsonProperty tile in tiles.EnumerateObject())
                {
                    if (tile.Name.Length != 1)
                        throw new DataLoadException($"Tile legend '{sourceName}': key \"{tile.Name}\" must be exactly one character.");
                    if (tile.Value.ValueKind != JsonValueKind.Array || tile.Value.EnumerateArray().Any(tag => tag.ValueKind != JsonValueKind.String))
                        throw new DataLoadException($"Tile legend '{sourceName}': the tags of \"{tile.Name}\" must be a list of strings.");
                    if (byCharacter.ContainsKey(tile.Name[0]))
                        throw new DataLoadException($"Tile legend '{sourceName}': character \"{tile.Name}\" is listed twice.");
                    byCharacter[tile.Name[0]] = tile.Value.EnumerateArray().Select(tag => tag.GetString()!).ToList();
                }
                if (byCharacter.Count == 0) throw new DataLoadException($"Tile legend '{sourceName}' lists no tiles.");
                return byCharacter.Select((pair, index) => new TileLegendEntry(pair.Key, index, pair.Value)).ToList();
            }
        }
    }
}
