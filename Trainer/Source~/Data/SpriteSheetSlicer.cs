using System;
using System.Collections.Generic;
using System.Linq;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Trainer.Data
{
    /// <summary>
    /// Cuts sprite sheets into sprites, like game engines' sprite editors: a fixed grid (cell size, spacing
    /// between cells, margin around the sheet), or automatic slicing by alpha (<see cref="Auto"/>), which also separates
    /// sprites packed edge to edge.
    /// </summary>
    public static class SpriteSheetSlicer
    {
        /// <summary>
        /// Grid cells of <paramref name="cellWidth"/> x <paramref name="cellHeight"/> starting at
        /// (<paramref name="margin"/>, <paramref name="margin"/>) with <paramref name="spacing"/> pixels between
        /// cells; cells that do not fit are dropped and, unless <paramref name="keepEmpty"/>, fully transparent cells too.
        /// </summary>
        public static List<SheetRect> Grid(RgbaImage sheet, int cellWidth, int cellHeight, int spacing = 0, int margin = 0, bool keepEmpty = false)
        {
            ArgumentNullException.ThrowIfNull(sheet);
            ArgumentOutOfRangeException.ThrowIfLessThan(cellWidth, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(cellHeight, 1);
            ArgumentOutOfRangeException.ThrowIfNegative(spacing);
            ArgumentOutOfRangeException.ThrowIfNegative(margin);
            var cells = new List<SheetRect>();
            for (int y = margin; y + cellHeight <= sheet.Height - margin; y += cellHeight + spacing)
            {
                for (int x = margin; x + cellWidth <= sheet.Width - margin; x += cellWidth + spacing)
                {
                    var cell = new SheetRect(x, y, cellWidth, cellHeight);
                    if (keepEmpty || !IsEmpty(sheet, cell)) cells.Add(cell);
                }
            }
            return cells;
        }

        /// <summary>
        /// Automatic slicing: the 8-connected regions of pixels with alpha &gt;= <paramref name="alphaThreshold"/>. A region
        /// wider or taller than <paramref name="maxSize"/> (sprites packed edge to edge touch and form one region) is cut
        /// along its thinnest row or column, at least <paramref name="minSize"/> pixels from either edge, until every part
        /// fits. Parts whose boxes overlap are then joined while the joined box still fits (detached sparkles, the second
        /// boot of a pair); parts narrower or shorter than <paramref name="minSize"/> are dropped. With
        /// <paramref name="maxSize"/> 0 nothing is cut and overlapping parts always join.
        /// </summary>
        /// <returns>The sprites, ordered top to bottom, then left to right.</returns>
        public static List<SheetSprite> Auto(RgbaImage sheet, int minSize = 8, int maxSize = 0, byte alphaThreshold = 1)
        {
            ArgumentNullException.ThrowIfNull(sheet);
            ArgumentOutOfRangeException.ThrowIfLessThan(minSize, 1);
            ArgumentOutOfRangeException.ThrowIfNegative(maxSize);
            var regions = new PixelRegions(sheet.Width, sheet.Height);
            var opaque = new List<int>();
            for (int p = 0; p < sheet.Width * sheet.Height; p++)
            {
                if (sheet.Pixels[p * 4 + 3] >= alphaThreshold) opaque.Add(p);
            }
            var parts = new List<List<int>>();
            foreach (List<int> region in regions.Components(opaque)) Cut(regions, region, minSize, maxSize, parts);
            return JoinOverlapping(regions, parts, maxSize)
                .Where(p => p.Box.Width >= minSize && p.Box.Height >= minSize)
                .OrderBy(p => p.Box.Y).ThenBy(p => p.Box.X)
                .Select(p => new SheetSprite(p.Box, CropPixels(sheet, p.Box, p.Pixels)))
                .ToList();
        }

        /// <summary>Adds <paramref name="region"/> to <paramref name="parts"/>, cut first (recursively) when it does not fit <paramref name="maxSize"/>.</summary>
        private static void Cut(PixelRegions regions, List<int> region, int minSize, int maxSize, List<List<int>> parts)
        {
            SheetRect box = regions.Box(region);
            if (maxSize == 0 || (box.Width <= maxSize && box.Height <= maxSize) || region.Count < 2)
            {
                parts.Add(region);
                return;
            }
            bool alongRows = box.Height - maxSize >= box.Width - maxSize;
            int extent = alongRows ? box.Height : box.Width;
            int origin = alongRows ? box.Y : box.X;
            var counts = new int[extent];
            foreach (int p in region) counts[regions.Coordinate(p, alongRows) - origin]++;
            int low = extent > 2 * minSize ? minSize : 1, high = extent > 2 * minSize ? extent - minSize : extent - 1;
            int cut = low;
            for (int i = low; i < high; i++)
            {
                if (counts[i] < counts[cut] || (counts[i] == counts[cut] && Math.Abs(2 * i - extent) < Math.Abs(2 * cut - extent))) cut = i;
            }
            var before = region.Where(p => regions.Coordinate(p, alongRows) - origin < cut).ToList();
            var after = region.Where(p => regions.Coordinate(p, alongRows) - origin >= cut).ToList();
            foreach (List<int> side in new[] { before, after })
            {
                foreach (List<int> piece in regions.Components(side)) Cut(regions, piece, minSize, maxSize, parts);
            }
        }

        /// <summary>Joins parts whose boxes overlap, while the joined box fits <paramref name="maxSize"/> (0: always), until no join is left; returns each part with its box.</summary>
        private static IEnumerable<(SheetRect Box, List<int> Pixels)> JoinOverlapping(PixelRegions regions, List<List<int>> parts, int maxSize)
        {
            var boxes = parts.Select(regions.Box).ToList();
            bool joined = true;
            while (joined)
            {
                joined = false;
                for (int i = 0; i < parts.Count; i++)
                {
                    for (int j = i + 1; j < parts.Count; j++)
                    {
                        if (!boxes[i].Overlaps(boxes[j])) continue;
                        SheetRect union = boxes[i].Union(boxes[j]);
                        if (maxSize > 0 && (union.Width > maxSize || union.Height > maxSize)) continue;
                        parts[i].AddRange(parts[j]);
                        boxes[i] = union;
                        parts.RemoveAt(j);
                        boxes.RemoveAt(j);
                        joined = true;
                        j = i;
                    }
                }
            }
            return boxes.Zip(parts);
        }

        private static RgbaImage CropPixels(RgbaImage sheet, SheetRect box, List<int> pixels)
        {
            var image = new RgbaImage(box.Width, box.Height);
            foreach (int p in pixels)
            {
                Buffer.BlockCopy(sheet.Pixels, p * 4, image.Pixels, image.OffsetOf(p % sheet.Width - box.X, p / sheet.Width - box.Y), 4);
            }
            return image;
        }

        /// <summary>Copies a rectangle of the sheet into a new image.</summary>
        public static RgbaImage Crop(RgbaImage sheet, SheetRect rect)
        {
            ArgumentNullException.ThrowIfNull(sheet);
            if (rect.X < 0 || rect.Y < 0 || rect.Right > sheet.Width || rect.Bottom > sheet.Height || rect.Width < 1 || rect.Height < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(rect), rect, $"The rectangle is not inside the {sheet.Width}x{sheet.Height} sheet.");
            }
            var image = new RgbaImage(rect.Width, rect.Height);
            for (int y = 0; y < rect.Height; y++)
            {
                Buffer.BlockCopy(sheet.Pixels, sheet.OffsetOf(rect.X, rect.Y + y), image.Pixels, image.OffsetOf(0, y), rect.Width * 4);
            }
            return image;
        }

        private static bool IsEmpty(RgbaImage sheet, SheetRect cell)
        {
            for (int y = cell.Y; y < cell.Bottom; y++)
                for (int x = cell.X; x < cell.Right; x++)
                    if (sheet.Pixels[sheet.OffsetOf(x, y) + 3] != 0) return false;
            return true;
        }
    }
}
