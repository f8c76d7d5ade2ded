using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using VaeProcgen.Contract;
using VaeProcgen.Generation.Tiles;

namespace VaeProcgen.Trainer.Data.Levels
{
    /// <summary>
    /// A set of VGLC-style text levels (one character per tile, one line per row) with their legend, cut into
    /// fixed-size training windows. Works for any game whose levels are a folder of *.txt files plus a JSON legend.
    /// </summary>
    public sealed class TileLevelDataset
    {
        private readonly IReadOnlyList<(string Name, string Text)> _sources;
        private readonly string _legendName;
        private readonly string _legendText;
        private readonly TileWindowOptions _options;
        private string? _fingerprint;

        private TileLevelDataset(IReadOnlyList<(string Name, string Text)> sources, IReadOnlyList<TileGrid> levels,
            IReadOnlyList<TileLegendEntry> legend, string legendName, string legendText, TileWindowOptions options,
            int windowHeight, int windowWidth, IReadOnlyList<(string File, string Reason)> skipped)
        {
            _sources = sources;
            _legendName = legendName;
            _legendText = legendText;
            _options = options;
            Levels = levels;
            Legend = legend;
            WindowHeight = windowHeight;
            WindowWidth = windowWidth;
            SkippedFiles = skipped;
            var windows = new List<TileGrid>();
            foreach (TileGrid level in levels)
                for (int row = 0; row + windowHeight <= level.Height; row += options.Stride)
                    for (int column = 0; column + WindowWidth <= level.Width; column += options.Stride)
                        windows.Add(level.Crop(row, column, windowHeight, WindowWidth));
            Windows = windows;
        }

        /// <summary>Whole levels in file order (sorted ordinal by path), for metrics.</summary>
        public IReadOnlyList<TileGrid> Levels { get; }

        /// <summary>Names of the level files (relative paths, '/' separated), parallel to <see cref="Levels"/>.</summary>
        public IReadOnlyList<string> LevelNames => _sources.Select(s => s.Name).ToList();

        /// <summary>Training windows, level by level, top-left offsets in steps of the stride.</summary>
        public IReadOnlyList<TileGrid> Windows { get; }

        /// <summary>The legend, indices 0..T-1 sorted by character.</summary>
        public IReadOnlyList<TileLegendEntry> Legend { get; }

        /// <summary>Number of tile types T (one-hot channels).</summary>
        public int TileCount => Legend.Count;

        /// <summary>How the windows make a level.</summary>
        public LevelLayout Layout => _options.Layout;

        /// <summary>Window rows.</summary>
        public int WindowHeight { get; }

        /// <summary>Window columns.</summary>
        public int WindowWidth { get; }

        /// <summary>Files skipped because of <see cref="TileWindowOptions.SkipBadFiles"/>, with the reason.</summary>
        public IReadOnlyList<(string File, string Reason)> SkippedFiles { get; }

        /// <summary>Lower-case hex SHA-256 over the legend and every level's relative path and text, in order.</summary>
        public string Fingerprint => _fingerprint ??= ComputeFingerprint();

        /// <summary>Loads every *.txt under <paramref name="levelsFolder"/> (recursively, sorted ordinal) with the legend at <paramref name="legendPath"/>.</summary>
        public static TileLevelDataset LoadFolder(string levelsFolder, string legendPath, TileWindowOptions options)
        {
            ArgumentException.ThrowIfNullOrEmpty(levelsFolder);
            ArgumentNullException.ThrowIfNull(options);
            IReadOnlyList<TileLegendEntry> legend = VglcLegend.Load(legendPath);
            if (!Directory.Exists(levelsFolder))
                throw new DataLoadException($"Level folder '{levelsFolder}' does not exist; pass a folder of VGLC *.txt levels.");
            string root = Path.GetFullPath(levelsFolder);
            var sources = new List<(string, string)>();
            foreach (string file in Directory.EnumerateFiles(root, "*.txt", SearchOption.AllDirectories)
                         .OrderBy(f => Path.GetRelativePath(root, f).Replace('\\', '/'), StringComparer.Ordinal))
            {
                string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                try { sources.Add((relative, File.ReadAllText(file))); }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    if (!options.SkipBadFiles) throw new DataLoadException($"Level file '{file}' could not be read ({e.Message}).", e);
                }
            }
            if (sources.Count == 0) throw new DataLoadException($"Level folder '{levelsFolder}' contains no *.txt levels.");
            return FromTexts(sources, legend, Path.GetFileName(legendPath), File.ReadAllText(legendPath), options);
        }

        /// <summary>Loads an embedded level set (default: the 15 VGLC Super Mario Bros levels).</summary>
        public static TileLevelDataset LoadEmbedded(TileWindowOptions options, string game = EmbeddedLevels.DefaultGame)
        {
            ArgumentNullException.ThrowIfNull(options);
            var (legendPath, legendText) = EmbeddedLevels.ReadLegend(game);
            IReadOnlyList<TileLegendEntry> legend = VglcLegend.Parse(legendText, legendPath);
            return FromTexts(EmbeddedLevels.ReadLevels(game), legend, legendPath, legendText, options);
        }

        /// <summary>
        /// Parses level texts. Every character must be in the legend, rows must be equally long and the level must hold
        /// at least one window; otherwise a <see cref="DataLoadException"/> names the file, line and column (1-based),
        /// unless <see cref="TileWindowOptions.SkipBadFiles"/> is set.
        /// </summary>
        public static TileLevelDataset FromTexts(IReadOnlyList<(string Name, string Text)> levels, IReadOnlyList<TileLegendEntry> legend,
            string legendName, string legendText, TileWindowOptions options)
        {
            ArgumentNullException.ThrowIfNull(levels);
            ArgumentNullException.ThrowIfNull(legend);
            ArgumentNullException.ThrowIfNull(options);
            if (options.WindowWidth <= 0 && !options.FullWidth) throw new DataLoadException($"Window width must be positive, not {options.WindowWidth}.");
            if (options.WindowHeight is int h && h <= 0) throw new DataLoadException($"Window height must be positive, not {h}.");
            if (options.Stride <= 0) throw new DataLoadException($"Window stride must be positive, not {options.Stride}.");

            var kept = new List<(string, string)>();
            var grids = new List<TileGrid>();
            var skipped = new List<(string, string)>();
            var parsed = new List<(string Name, string Text, TileGrid Grid)>();
            foreach (var (name, text) in levels)
            {
                try
                {
                    parsed.Add((name, text, TileGrid.FromVglcText(text, legend)));
                }
                catch (TileGridFormatException e)
                {
                    var error = new DataLoadException($"Level file '{name}' line {e.Line}, column {e.Column}: {Describe(e, legendName)}", e);
                    if (!options.SkipBadFiles) throw error;
                    skipped.Add((name, error.Message));
                }
            }
            // The caller's options are never changed: the detected layout goes into a resolved copy the dataset keeps.
            LevelLayout layout = options.DetectLayout ? LevelLayoutDetector.Detect(parsed.Select(p => p.Grid).ToList()) : options.Layout;
            bool windowIsLevelHigh = layout == LevelLayout.Room || (layout == LevelLayout.Horizontal && options.DetectLayout);
            TileWindowOptions resolved = options.Resolved(layout);
            int? windowHeight = windowIsLevelHigh ? null : options.WindowHeight;
            int? windowWidth = resolved.FullWidth ? null : options.WindowWidth;
            List<string> sizes = parsed.Select(p => $"{p.Grid.Height} x {p.Grid.Width}").Distinct().ToList();
            foreach (var (name, text, grid) in parsed)
            {
                windowHeight ??= grid.Height;
                windowWidth ??= grid.Width;
                if (grid.Height < windowHeight || grid.Width < windowWidth)
                {
                    string message = $"Level file '{name}' is {grid.Height} x {grid.Width} tiles, smaller than one {windowHeight} x {windowWidth} window; "
                        + (sizes.Count > 1
                            ? $"the levels mix sizes ({string.Join(", ", sizes.Take(4))}{(sizes.Count > 4 ? ", ..." : "")}) and a model learns one window size, so make them one size, remove the smaller ones or use a smaller window."
                            : "remove it or use a smaller window.");
                    if (!options.SkipBadFiles) throw new DataLoadException(message);
                    skipped.Add((name, message));
                    continue;
                }
                kept.Add((name, text));
                grids.Add(grid);
            }
            if (grids.Count == 0) throw new DataLoadException($"No usable levels: {skipped.Count} of {levels.Count} level files were skipped as bad.");
            return new TileLevelDataset(kept, grids, legend, legendName, legendText, resolved, windowHeight!.Value, windowWidth!.Value, skipped);
        }

        /// <summary>One-hot windows, flat [N, T, H, W]: 1 at the channel of each cell's tile, 0 elsewhere.</summary>
        public float[] ToOneHotPlanar()
        {
            int plane = WindowHeight * WindowWidth;
            int itemSize = TileCount * plane;
            var result = new float[(long)Windows.Count * itemSize];
            for (int n = 0; n < Windows.Count; n++)
            {
                ReadOnlySpan<int> cells = Windows[n].Cells;
                for (int cell = 0; cell < plane; cell++) result[n * itemSize + cells[cell] * plane + cell] = 1f;
            }
            return result;
        }

        /// <summary>
        /// Splits whole levels (never windows of one level, which overlap) into train and test: round(testFraction × levels)
        /// levels, at least one and at most all but one, chosen by a seeded shuffle. Same seed, same split.
        /// </summary>
        public (TileLevelDataset Train, TileLevelDataset Test) Split(double testFraction = 0.1, int seed = 0)
        {
            if (!(testFraction > 0 && testFraction < 1)) throw new ArgumentOutOfRangeException(nameof(testFraction), "Test fraction must be in (0, 1).");
            if (Levels.Count < 2) throw new InvalidOperationException("Splitting needs at least two levels.");
            int testCount = Math.Clamp((int)Math.Round(testFraction * Levels.Count), 1, Levels.Count - 1);
            int[] order = Enumerable.Range(0, Levels.Count).ToArray();
            var random = new SplitMix64(unchecked((ulong)(long)seed));
            for (int i = order.Length - 1; i > 0; i--)
            {
                int j = random.NextBelow(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
            var test = new HashSet<int>(order.Take(testCount));
            return (Subset(i => !test.Contains(i)), Subset(test.Contains));
        }

        private TileLevelDataset Subset(Func<int, bool> include)
        {
            var indices = Enumerable.Range(0, Levels.Count).Where(include).ToList();
            return new TileLevelDataset(indices.Select(i => _sources[i]).ToList(), indices.Select(i => Levels[i]).ToList(),
                Legend, _legendName, _legendText, _options, WindowHeight, WindowWidth, Array.Empty<(string, string)>());
        }

        private static string Describe(TileGridFormatException e, string legendName) =>
            e.Message.Contains("not in the legend", StringComparison.Ordinal)
                ? $"{e.Message.Substring(e.Message.IndexOf(':') + 2).TrimEnd('.')} '{legendName}'; add it to the legend or fix the level."
                : e.Message;

        private string ComputeFingerprint()
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            void Add(string value)
            {
                byte[] bytes = Encoding.UTF8.GetBytes(value);
                hash.AppendData(BitConverter.GetBytes(bytes.Length));
                hash.AppendData(bytes);
            }
            Add(_legendName);
            Add(_legendText);
            foreach (var (name, text) in _sources)
            {
                Add(name);
                Add(text);
            }
            return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
        }
    }
}
