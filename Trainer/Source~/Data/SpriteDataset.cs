using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Trainer.Data
{
    /// <summary>
    /// A set of sprites at one model size, with labels taken from the first sub-folder of each file.
    /// Item order is ordinal by '/'-separated relative path, so it is the same on every OS.
    /// </summary>
    public sealed class SpriteDataset
    {
        private string? _fingerprint;

        private SpriteDataset(
            IReadOnlyList<SpriteItem> items, IReadOnlyList<string> labels, int width, int height,
            IReadOnlyList<(string File, string Reason)> skippedFiles)
        {
            Items = items;
            Labels = labels;
            Width = width;
            Height = height;
            SkippedFiles = skippedFiles;
        }

        /// <summary>The sprites, ordinal by relative path (subsets keep their parent's relative order).</summary>
        public IReadOnlyList<SpriteItem> Items { get; }

        /// <summary>Sorted (ordinal) distinct labels; subsets and splits keep their parent's list so indices agree.</summary>
        public IReadOnlyList<string> Labels { get; }

        /// <summary>Width of every item image.</summary>
        public int Width { get; }

        /// <summary>Height of every item image.</summary>
        public int Height { get; }

        /// <summary>Files skipped because they could not be loaded (only with <see cref="SpriteLoadOptions.SkipBadFiles"/>); empty for subsets.</summary>
        public IReadOnlyList<(string File, string Reason)> SkippedFiles { get; }

        /// <summary>Number of items.</summary>
        public int Count => Items.Count;

        /// <summary>Lower-case hex SHA-256 over every item's relative path, size and pixels, in item order.</summary>
        public string Fingerprint => _fingerprint ??= ComputeFingerprint();

        /// <summary>
        /// Loads every *.png (any letter case) under <paramref name="path"/>, recursively; <paramref name="path"/> may
        /// also be a single PNG file.
        /// </summary>
        /// <exception cref="DataLoadException">Missing path, no PNGs, or a bad file when not skipping bad files.</exception>
        public static SpriteDataset LoadFolder(string path, SpriteLoadOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new DataLoadException("No data folder was given; pass a folder that contains PNG sprites.");
            }
            string fullPath = Path.GetFullPath(path);
            List<SpriteSource> sources;
            if (File.Exists(fullPath))
            {
                if (!fullPath.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
                {
                    throw new DataLoadException($"'{path}' is not a .png file; pass a PNG sprite or a folder of them.");
                }
                sources = new List<SpriteSource> { new(Path.GetFileName(fullPath), fullPath, () => File.ReadAllBytes(fullPath)) };
            }
            else if (Directory.Exists(fullPath))
            {
                sources = FindPngFiles(path, fullPath);
            }
            else
            {
                throw new DataLoadException($"Data folder '{path}' does not exist; pass a folder that contains PNG sprites.");
            }
            return Load(sources, options, $"'{path}'");
        }

        /// <summary>Loads the DCSS item sprites embedded in the trainer (labels are the item classes).</summary>
        public static SpriteDataset LoadEmbedded(SpriteLoadOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            var sources = EmbeddedData.ReadSprites()
                .Select(sprite => new SpriteSource(sprite.RelativePath, "embedded:" + sprite.RelativePath, () => sprite.Bytes))
                .ToList();
            return Load(sources, options, "the embedded sprite set");
        }

        /// <summary>
        /// Builds a dataset from images already in memory (e.g. slices of a sprite sheet), each fitted to the
        /// model size; <paramref name="images"/> give the relative name (its first folder is the label) and image.
        /// </summary>
        public static SpriteDataset FromImages(IEnumerable<(string Name, RgbaImage Image)> images, SpriteLoadOptions options)
        {
            ArgumentNullException.ThrowIfNull(images);
            ArgumentNullException.ThrowIfNull(options);
            var items = images
                .Select(i => new SpriteItem(i.Name, SpriteItem.LabelOf(i.Name), SpriteFitter.Fit(i.Image, options.Width, options.Height, options.Fit)))
                .OrderBy(i => i.SourceName, StringComparer.Ordinal)
                .ToList();
            if (items.Count == 0) throw new DataLoadException("No sprites were given; check the sheet and slicing settings.");
            var labels = items.Select(item => item.Label).Distinct().OrderBy(label => label, StringComparer.Ordinal).ToList();
            return new SpriteDataset(items, labels, options.Width, options.Height, Array.Empty<(string, string)>());
        }

        /// <summary>
        /// Splits into train and test sets, stratified by label: each label contributes
        /// round(count * <paramref name="testFraction"/>) test items but always keeps at least one training item.
        /// When that yields no test item and there are at least two items, one test item is taken from the largest label.
        /// Deterministic for a seed on every run and OS. Both parts keep this dataset's item order and <see cref="Labels"/>.
        /// </summary>
        public (SpriteDataset Train, SpriteDataset Test) Split(double testFraction = 0.1, int seed = 0)
        {
            if (double.IsNaN(testFraction) || testFraction < 0 || testFraction >= 1)
            {
                throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be in [0, 1).");
            }
            var random = new SplitMix64(unchecked((ulong)(long)seed));
            var groups = Labels
                .Select(label => Enumerable.Range(0, Count).Where(i => Items[i].Label == label).ToArray())
                .ToList();
            var testCounts = groups
                .Select(group => Math.Min((int)Math.Round(group.Length * testFraction, MidpointRounding.AwayFromZero), group.Length - 1))
                .Select(count => Math.Max(0, count))
                .ToArray();
            if (testFraction > 0 && testCounts.Sum() == 0 && Count >= 2)
            {
                int largest = Enumerable.Range(0, groups.Count).OrderByDescending(g => groups[g].Length).ThenBy(g => g).First();
                testCounts[largest] = groups[largest].Length >= 2 ? 1 : 0;
                if (testCounts[largest] == 0)
                {
                    // Every label has a single item: the test item comes from the last label, which then is test-only.
                    testCounts[groups.Count - 1] = 1;
                }
            }
            var testIndices = new HashSet<int>();
            for (int g = 0; g < groups.Count; g++)
            {
                int[] shuffled = (int[])groups[g].Clone();
                for (int i = shuffled.Length - 1; i > 0; i--)
                {
                    int j = random.NextBelow(i + 1);
                    (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
                }
                testIndices.UnionWith(shuffled.Take(testCounts[g]));
            }
            var train = Subset(Enumerable.Range(0, Count).Where(i => !testIndices.Contains(i)));
            var test = Subset(Enumerable.Range(0, Count).Where(testIndices.Contains));
            return (train, test);
        }

        /// <summary>The items at the given indices (in ascending index order, duplicates removed), keeping <see cref="Labels"/>.</summary>
        public SpriteDataset Subset(IEnumerable<int> indices)
        {
            ArgumentNullException.ThrowIfNull(indices);
            var chosen = indices.Distinct().OrderBy(i => i).ToList();
            foreach (int index in chosen)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index, nameof(indices));
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count, nameof(indices));
            }
            return new SpriteDataset(chosen.Select(i => Items[i]).ToList(), Labels, Width, Height, Array.Empty<(string, string)>());
        }

        /// <summary>All items as N x 4 x Height x Width floats in [0, 1] (channel-planar RGBA, the model's layout).</summary>
        public float[] ToPlanarFloats()
        {
            int itemSize = 4 * Width * Height;
            var result = new float[checked(Count * itemSize)];
            for (int i = 0; i < Count; i++)
            {
                PlanarImage.ToPlanar(Items[i].Image, result.AsSpan(i * itemSize, itemSize));
            }
            return result;
        }

        /// <summary>For each item, the index of its label in <see cref="Labels"/>.</summary>
        public int[] LabelIndices()
        {
            var indexOfLabel = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < Labels.Count; i++)
            {
                indexOfLabel[Labels[i]] = i;
            }
            return Items.Select(item => indexOfLabel[item.Label]).ToArray();
        }

        private static List<SpriteSource> FindPngFiles(string displayPath, string fullPath)
        {
            List<string> files;
            try
            {
                files = Directory.EnumerateFiles(fullPath, "*", SearchOption.AllDirectories)
                    .Where(file => file.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
                    .ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new DataLoadException($"Data folder '{displayPath}' cannot be read ({ex.Message.TrimEnd('.')}); check its permissions.", ex);
            }
            return files
                .Select(file => new SpriteSource(
                    Path.GetRelativePath(fullPath, file).Replace(Path.DirectorySeparatorChar, '/'),
                    file,
                    () => File.ReadAllBytes(file)))
                .OrderBy(source => source.RelativePath, StringComparer.Ordinal)
                .ToList();
        }

        private static SpriteDataset Load(List<SpriteSource> sources, SpriteLoadOptions options, string whereDescription)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(options.Width, 1, nameof(options));
            ArgumentOutOfRangeException.ThrowIfLessThan(options.Height, 1, nameof(options));
            if (sources.Count == 0)
            {
                throw new DataLoadException($"No PNG files were found in {whereDescription} (sub-folders included); add .png sprites or pass another folder.");
            }
            var items = new List<SpriteItem>(sources.Count);
            var skipped = new List<(string File, string Reason)>();
            foreach (var source in sources)
            {
                try
                {
                    var image = PngCodec.Decode(ReadBytes(source), source.DisplayName, options.MaxPixels);
                    var fitted = SpriteFitter.Fit(image, options.Width, options.Height, options.Fit);
                    items.Add(new SpriteItem(source.RelativePath, SpriteItem.LabelOf(source.RelativePath), fitted));
                }
                catch (DataLoadException ex) when (options.SkipBadFiles)
                {
                    skipped.Add((source.RelativePath, ex.Message));
                }
            }
            if (items.Count == 0)
            {
                throw new DataLoadException($"None of the {sources.Count} PNG files in {whereDescription} could be loaded; see the skipped-file reasons and fix or replace the files.");
            }
            var labels = items.Select(item => item.Label).Distinct().OrderBy(label => label, StringComparer.Ordinal).ToList();
            return new SpriteDataset(items, labels, options.Width, options.Height, skipped);
        }

        private static byte[] ReadBytes(SpriteSource source)
        {
            try
            {
                return source.ReadBytes();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new DataLoadException($"'{source.DisplayName}' cannot be read ({ex.Message.TrimEnd('.')}); check that it exists and is readable.", ex);
            }
        }

        private string ComputeFingerprint()
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            Span<byte> header = stackalloc byte[12];
            foreach (var item in Items)
            {
                byte[] name = Encoding.UTF8.GetBytes(item.SourceName);
                System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(header, name.Length);
                System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(header.Slice(4), item.Image.Width);
                System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(header.Slice(8), item.Image.Height);
                hash.AppendData(header);
                hash.AppendData(name);
                hash.AppendData(item.Image.Pixels);
            }
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        private sealed record SpriteSource(string RelativePath, string DisplayName, Func<byte[]> ReadBytes);
    }
}
