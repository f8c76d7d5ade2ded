using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using VaeProcgen.Contract;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>
    /// `sample`: decode prior latents of consecutive seeds. `--out FILE.png` writes a scaled-up grid; `--out DIR`
    /// writes one native-size PNG per sprite (sample_0042.png for seed 42; with --per-class in one sub-folder per
    /// label); `--grid FILE.png` adds a grid to a folder output.
    /// </summary>
    internal static class SampleCommand
    {
        public static Command Create()
        {
            var command = new Command("sample", "Generate sprites from seeds: a grid PNG (--out FILE.png) or one PNG per sprite at native size (--out DIR).");
            var model = SharedOptions.Model();
            var count = new Option<int>("--count") { Description = "Number of sprites (seeds S, S+1, ...).", DefaultValueFactory = _ => 64 };
            var seed = SharedOptions.Seed(0);
            var output = SharedOptions.Out("A .png path: one grid image, scaled up 4x. Any other path: a folder that gets one native-size PNG per sprite (sample_<seed>.png).");
            var grid = new Option<string?>("--grid") { Description = "With a folder --out: also write the grid to this PNG file." };
            var backend = SharedOptions.BackendChoice();
            var label = new Option<string?>("--label") { Description = "Class label for conditional models." };
            var perClass = new Option<bool>("--per-class") { Description = "Conditional models: one row of --count sprites per class label (same seeds in every row)." };
            var palette = new PaletteOptions();
            var prior = SharedOptions.Prior();
            foreach (Option o in new Option[] { model, count, seed, output, grid, backend, label, perClass, prior }) command.Options.Add(o);
            palette.AddTo(command);
            command.SetAction(parsed => CommandLine.Guard(() =>
            {
                int n = parsed.GetValue(count);
                if (n < 1 || n > 4096) throw new UserErrorException($"--count must be between 1 and 4096 (got {n}).");
                string path = parsed.GetValue(output)!;
                string? gridPath = IsPng(path) ? path : parsed.GetValue(grid);
                if (IsPng(path) && parsed.GetValue(grid) != null) throw new UserErrorException("--grid goes with a folder --out; --out ending in .png already writes the grid.");
                if (gridPath != null && !IsPng(gridPath)) throw new UserErrorException($"--grid must be a .png file (got '{gridPath}').");
                using VaeModel vae = SharedOptions.LoadModel(parsed.GetValue(model)!, parsed.GetValue(backend)!, parsed.GetValue(prior) == "standard");
                RequireSprites(vae);
                var snapper = palette.Read(parsed, vae);
                long first = parsed.GetValue(seed);
                bool rows = parsed.GetValue(perClass);
                if (rows && parsed.GetValue(label) != null) throw new UserErrorException("--per-class already samples every label; drop --label or --per-class.");
                List<RgbaImage> cells = rows
                    ? PerClass(vae, first, n)
                    : SpriteSheets.Split(Generate(vae, first, n, parsed.GetValue(label)), n, vae.Contract.Width, vae.Contract.Height);
                PaletteOptions.Apply(snapper, cells);
                if (!IsPng(path)) WriteFolder(cells, rows ? vae.Contract.ClassLabels : null, first, n, path);
                if (gridPath != null) SpriteSheets.SaveGrid(cells, rows ? n : SpriteSheets.ColumnsFor(n), gridPath);
                string what = rows ? $"{vae.Contract.ClassLabels.Count} rows ({string.Join(", ", vae.Contract.ClassLabels)}) of {n} sprites" : $"{n} sprites";
                string where = IsPng(path) ? path : gridPath == null ? $"{path} (one PNG each)" : $"{path} (one PNG each) and {gridPath}";
                Console.WriteLine($"wrote {what} ({vae.Backend} backend) to {where}");
                return 0;
            }));
            return command;
        }

        /// <summary>The file name of a seed's sprite in a folder output: sample_0042.png.</summary>
        public static string FileName(long seed) => string.Format(CultureInfo.InvariantCulture, "sample_{0:D4}.png", seed);

        private static bool IsPng(string path) => path.EndsWith(".png", StringComparison.OrdinalIgnoreCase);

        private static void WriteFolder(List<RgbaImage> cells, IReadOnlyList<string>? rowLabels, long firstSeed, int perRow, string folder)
        {
            for (int i = 0; i < cells.Count; i++)
            {
                string name = FileName(unchecked(firstSeed + i % perRow));
                PngCodec.Save(cells[i], rowLabels == null ? Path.Combine(folder, name) : Path.Combine(folder, rowLabels[i / perRow], name));
            }
        }

        public static byte[] Generate(VaeModel vae, long firstSeed, int count, string? label)
        {
            var latents = new float[count * vae.LatentSize];
            var rgba = new byte[count * vae.Contract.Width * vae.Contract.Height * 4];
            int[]? labels = null;
            if (!vae.Contract.IsConditional && label != null) throw new UserErrorException($"--label applies to conditional models only; this model is unconditional, so drop --label '{label}'.");
            if (vae.Contract.IsConditional)
            {
                if (label == null) throw new UserErrorException($"This model is conditional; pass --label with one of: {string.Join(", ", vae.Contract.ClassLabels)}.");
                labels = new int[count];
                Array.Fill(labels, LabelIndexOrUserError(vae, label));
            }
            vae.SampleLatents(firstSeed, count, latents, labels?[0] ?? -1);
            vae.DecodeRgba(latents, rgba, labels);
            return rgba;
        }

        /// <summary>One row of <paramref name="count"/> sprites (seeds firstSeed, firstSeed+1, ...) per class label.</summary>
        public static List<RgbaImage> PerClass(VaeModel vae, long firstSeed, int count)
        {
            if (!vae.Contract.IsConditional) throw new UserErrorException("--per-class needs a conditional model (train with --conditional).");
            var cells = new List<RgbaImage>();
            foreach (string label in vae.Contract.ClassLabels)
            {
                cells.AddRange(SpriteSheets.Split(Generate(vae, firstSeed, count, label), count, vae.Contract.Width, vae.Contract.Height));
            }
            return cells;
        }

        public static void RequireSprites(VaeModel vae)
        {
            if (vae.Contract.Kind != ModelKind.Sprite) throw new UserErrorException("This is a tile-level model; use the 'levels' command for it.");
        }

        public static int LabelIndexOrUserError(VaeModel vae, string label)
        {
            try
            {
                return vae.LabelIndex(label);
            }
            catch (ArgumentException e)
            {
                throw new UserErrorException(e.Message, e);
            }
        }
    }
}
