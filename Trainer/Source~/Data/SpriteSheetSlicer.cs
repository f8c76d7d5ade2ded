using System;
using System.Collections.Generic;
using System.Linq;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Trainer.Data
{
    /// <summary>
    /// Cuts sprite sheets into sprites, like game engines' sprite editors: a fixed grid (cell size, spacing
    /// between cells, margin around the sheet), or automatic slicing by alpha: 8-connected components of
    /// pixels with alpha &gt;= a threshold, their bounding boxes merged while any two overlap, then boxes smaller
    /// than the minimum size dropped. Results are ordered top to bottom, then left to right.
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
        /// Automatic slicing: boxes of 8-connected opaque regions (alpha &gt;= <paramref name="alphaThreshold"/>),
        /// overlapping boxes merged, boxes narrower or shorter than <paramref name="minSize"/> dropped.
        /// </summary>
        public static List<SheetRect> Auto(RgbaImage sheet, int minSize = 8, byte alphaThreshold = 1)
        {
            ArgumentNullException.ThrowIfNull(sheet);
            ArgumentOutOfRangeException.ThrowIfLessThan(minSize, 1);
            int w = sheet.Width, h = sheet.Height;
            var seen = new bool[w * h];
            var boxes = new List<SheetRect>();
            var stack = new Stack<int>();
            for (int start = 0; start < w * h; start++)
            {
                if (seen[start] || sheet.Pixels[start * 4 + 3] < alphaThreshold) continue;
                seen[start] = true;
                stack.Push(start);
                int minX = w, minY = h, maxX = -1, maxY = -1;
                while (stack.Count > 0)
                {
                    int p = stack.Pop();
                    int px = p % w, py = p / w;
                    minX = Math.Min(minX, px); maxX = Math.Max(maxX, px);
                    minY = Math.Min(minY, py); maxY = Math.Max(maxY, py);
                    for (int dy = -1; dy <= 1; dy++)
                    {
                        int ny = py + dy;
                        if (ny < 0 || ny >= h) continue;
                        for (int dx = -1; dx <= 1; dx++)
                        {
                            int nx = px + dx;
                            if (nx < 0 || nx >= w) continue;
                            int q = ny * w + nx;
                            if (seen[q] || sheet.Pixels[q * 4 + 3] < alphaThreshold) continue;
                            seen[q] = true;
                            stack.Push(q);
                        }
                    }
                }
                boxes.Add(new SheetRect(minX, minY, maxX - minX + 1, maxY - minY + 1));
            }
            return MergeOverlapping(boxes)
                .Where(b => b.Width >= minSize && b.Height >= minSize)
                .OrderBy(b => b.Y).ThenBy(b => b.X)
                .ToList();
        }

        /// <summary>Merges boxes until no two overlap.</summary>
        public static List<SheetRect> MergeOverlapping(IEnumerable<SheetRect> boxes)
        {
            var result = new List<SheetRect>(boxes);
            bool merged = true;
            while (merged)
            {
                merged = false;
                for (int i = 0; i < result.Count; i++)
                {
                    for (int j = i + 1; j < result.Count; j++)
                    {
                        if (!result[i].Overlaps(result[j])) continue;
                        result[i] = result[i].Union(result[j]);
                        result.RemoveAt(j);
                        merged = true;
                        j = i;
                    }
                }
            }
            return result;
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
