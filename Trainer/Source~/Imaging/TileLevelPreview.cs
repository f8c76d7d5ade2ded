using System;
using System.Collections.Generic;
using System.Linq;
using VaeProcgen.Contract;
using VaeProcgen.Generation.Tiles;

namespace VaeProcgen.Trainer.Imaging
{
    /// <summary>
    /// Draws a tile level as an image, one square cell per tile coloured by its legend tags: sky blue for empty,
    /// brown for ground, brick red for breakable blocks, green for pipes, yellow for question blocks, red for enemies,
    /// gold for coins, dark grey for cannons; other tiles get a colour hashed from their character.
    /// </summary>
    public static class TileLevelPreview
    {
        private static readonly (string Tag, byte R, byte G, byte B, bool Small)[] TagColours =
        {
            ("enemy", 220, 30, 30, true),
            ("spawn", 255, 255, 255, true),
            ("coin", 255, 185, 15, true),
            ("pickupable", 255, 185, 15, true),
            ("ladder", 150, 100, 40, true),
            ("rope", 90, 60, 30, true),
            ("door", 120, 60, 160, false),
            ("stair", 60, 200, 200, false),
            ("stairs", 60, 200, 200, false),
            ("wall", 60, 60, 80, false),
            ("block", 140, 120, 100, false),
            ("pipe", 40, 170, 60, false),
            ("empty question block", 190, 140, 70, false),
            ("question block", 250, 215, 40, false),
            ("cannon", 55, 55, 65, false),
            ("hazard", 235, 90, 20, false),
            ("solidtop", 200, 160, 110, false),
            ("breakable", 185, 85, 45, false),
            ("diggable", 185, 85, 45, false),
            ("ground", 120, 70, 30, false),
            ("floor", 225, 210, 170, false),
            ("empty", 110, 160, 255, false),
        };

        private const byte SkyR = 110, SkyG = 160, SkyB = 255;

        /// <summary>Renders the grid with cells of <paramref name="cellSize"/> pixels.</summary>
        public static RgbaImage Render(TileGrid grid, IReadOnlyList<TileLegendEntry> legend, int cellSize = 8)
        {
            ArgumentNullException.ThrowIfNull(grid);
            ArgumentNullException.ThrowIfNull(legend);
            if (cellSize < 2) throw new ArgumentOutOfRangeException(nameof(cellSize), "Cells need at least 2 pixels.");
            var byIndex = legend.ToDictionary(e => e.Index);
            var image = new RgbaImage(grid.Width * cellSize, grid.Height * cellSize);
            for (int row = 0; row < grid.Height; row++)
            {
                for (int column = 0; column < grid.Width; column++)
                {
                    byIndex.TryGetValue(grid[row, column], out TileLegendEntry? entry);
                    var (r, g, b, small, empty) = Style(entry);
                    int x0 = column * cellSize, y0 = row * cellSize;
                    int inset = small ? Math.Max(1, cellSize / 4) : 0;
                    for (int y = 0; y < cellSize; y++)
                    {
                        for (int x = 0; x < cellSize; x++)
                        {
                            bool inside = x >= inset && y >= inset && x < cellSize - inset && y < cellSize - inset;
                            bool edge = !empty && !small && (x == cellSize - 1 || y == cellSize - 1);
                            int at = image.OffsetOf(x0 + x, y0 + y);
                            if (!inside)
                            {
                                Put(image.Pixels, at, SkyR, SkyG, SkyB);
                            }
                            else if (edge)
                            {
                                Put(image.Pixels, at, (byte)(r * 2 / 3), (byte)(g * 2 / 3), (byte)(b * 2 / 3));
                            }
                            else
                            {
                                Put(image.Pixels, at, r, g, b);
                            }
                        }
                    }
                }
            }
            return image;
        }

        /// <summary>
        /// Renders the grid and marks the cells of <paramref name="path"/> (for example a playability check's route)
        /// with a white dot outlined in black, so the route shows on every tile colour.
        /// </summary>
        public static RgbaImage Render(TileGrid grid, IReadOnlyList<TileLegendEntry> legend, IReadOnlyList<VaeProcgen.Generation.Playability.GridPoint> path, int cellSize = 8)
        {
            ArgumentNullException.ThrowIfNull(path);
            RgbaImage image = Render(grid, legend, cellSize);
            int outer = Math.Max(2, cellSize / 2), inner = Math.Max(1, outer - 2);
            foreach (var point in path)
            {
                if ((uint)point.Row >= (uint)grid.Height || (uint)point.Column >= (uint)grid.Width) continue;
                int cx = point.Column * cellSize + cellSize / 2, cy = point.Row * cellSize + cellSize / 2;
                for (int y = -outer / 2; y < outer - outer / 2; y++)
                    for (int x = -outer / 2; x < outer - outer / 2; x++)
                    {
                        bool core = Math.Abs(2 * x + 1) <= inner && Math.Abs(2 * y + 1) <= inner;
                        byte v = core ? (byte)255 : (byte)0;
                        Put(image.Pixels, image.OffsetOf(cx + x, cy + y), v, v, v);
                    }
            }
            return image;
        }

        /// <summary>The colour of a legend entry (RGB) and whether it is drawn as a small square on sky.</summary>
        public static (byte R, byte G, byte B, bool Small, bool Empty) Style(TileLegendEntry? entry)
        {
            if (entry == null) return (255, 0, 255, false, false);
            foreach (var (tag, r, g, b, small) in TagColours)
            {
                if (entry.Tags.Any(t => string.Equals(t, tag, StringComparison.OrdinalIgnoreCase)))
                    return (r, g, b, small, tag == "empty");
            }
            uint hash = 2166136261;
            foreach (char c in entry.Character.ToString()) hash = (hash ^ c) * 16777619;
            return ((byte)(64 + hash % 160), (byte)(64 + (hash >> 8) % 160), (byte)(64 + (hash >> 16) % 160), false, false);
        }

        private static void Put(byte[] pixels, int at, byte r, byte g, byte b)
        {
            pixels[at] = r;
            pixels[at + 1] = g;
            pixels[at + 2] = b;
            pixels[at + 3] = 255;
        }
    }
}
