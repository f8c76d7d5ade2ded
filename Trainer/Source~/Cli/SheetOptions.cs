using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>`train --sheet`: train on sprites cut from a sprite sheet (grid or automatic slicing).</summary>
    internal sealed class SheetOptions
    {
        private readonly Option<string?> sheet = new Option<string?>("--sheet") { Description = "Sprite sheet PNG to slice into training sprites (instead of --data)." };
        private readonly Option<string> slice = new Option<string>("--slice") { Description = "auto (alpha connected components) or grid (--cell).", DefaultValueFactory = _ => "auto" };
        private readonly Option<string> cell = new Option<string>("--cell") { Description = "Grid cell size WxH, e.g. 32x32.", DefaultValueFactory = _ => "32x32" };
        private readonly Option<int> spacing = new Option<int>("--spacing") { Description = "Grid: pixels between cells.", DefaultValueFactory = _ => 0 };
        private readonly Option<int> margin = new Option<int>("--margin") { Description = "Grid: pixels around the sheet.", DefaultValueFactory = _ => 0 };
        private readonly Option<int> minSize = new Option<int>("--min-size") { Description = "Auto: drop sprites narrower or shorter than this.", DefaultValueFactory = _ => 8 };
        private readonly Option<int> maxSize = new Option<int>("--max-size") { Description = "Auto: cut touching sprites apart along their thinnest line until each is at most this wide and tall (default: the model's --size).", DefaultValueFactory = _ => 0 };

        public SheetOptions()
        {
            slice.AcceptOnlyFromAmong("auto", "grid");
        }

        public void AddTo(Command command)
        {
            foreach (Option o in new Option[] { sheet, slice, cell, spacing, margin, minSize, maxSize }) command.Options.Add(o);
        }

        /// <summary>Whether the sprites come from a sheet cut by automatic slicing (each cropped to its content).</summary>
        public bool SlicesAutomatically(ParseResult parsed) => parsed.GetValue(sheet) != null && parsed.GetValue(slice) != "grid";

        /// <summary>The sliced sheet as a dataset, or null when --sheet was not given.</summary>
        public SpriteDataset? Load(ParseResult parsed, SpriteLoadOptions load)
        {
            string? path = parsed.GetValue(sheet);
            if (path == null) return null;
            if (!File.Exists(path)) throw new UserErrorException($"--sheet '{path}' does not exist; pass a sprite sheet PNG.");
            RgbaImage image = PngCodec.Decode(File.ReadAllBytes(path), path, load.MaxPixels);
            var sprites = SlicesAutomatically(parsed)
                ? SpriteSheetSlicer.Auto(image, Math.Max(1, parsed.GetValue(minSize)), MaxSize(parsed, load))
                : SpriteSheetSlicer.Grid(image, CellSize(parsed).W, CellSize(parsed).H, NonNegative(parsed.GetValue(spacing), "--spacing"), NonNegative(parsed.GetValue(margin), "--margin"))
                    .Select(b => new SheetSprite(b, SpriteSheetSlicer.Crop(image, b))).ToList();
            if (sprites.Count < 2) throw new UserErrorException($"Slicing '{path}' gave {sprites.Count} sprite(s); check --slice, --cell, --min-size or --max-size.");
            var images = sprites.Select(s => (string.Format(CultureInfo.InvariantCulture, "{0}_{1}_{2}x{3}", s.Box.X, s.Box.Y, s.Box.Width, s.Box.Height), s.Image));
            return SpriteDataset.FromImages(images, load);
        }

        private int MaxSize(ParseResult parsed, SpriteLoadOptions load)
        {
            int value = parsed.GetValue(maxSize);
            if (value < 0) throw new UserErrorException($"--max-size must be zero (the model's --size) or positive (got {value}).");
            return value > 0 ? value : Math.Max(load.Width, load.Height);
        }

        private (int W, int H) CellSize(ParseResult parsed)
        {
            string text = parsed.GetValue(cell)!;
            string[] parts = text.ToLowerInvariant().Split('x');
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int w) && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int h) && w > 0 && h > 0)
            {
                return (w, h);
            }
            throw new UserErrorException($"--cell must look like 32x32 (got '{text}').");
        }

        private static int NonNegative(int value, string name) =>
            value >= 0 ? value : throw new UserErrorException($"{name} must be zero or positive (got {value}).");
    }
}
