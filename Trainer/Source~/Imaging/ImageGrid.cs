using System;
using System.Collections.Generic;

namespace VaeProcgen.Trainer.Imaging
{
    /// <summary>Lays images out in a grid (for previews of samples and reconstructions).</summary>
    public static class ImageGrid
    {
        /// <summary>
        /// Composes cells left to right, top to bottom, each scaled up by <paramref name="scale"/> with
        /// nearest neighbour. Each cell slot is as large as the largest cell; smaller cells sit at the slot's
        /// top-left. <paramref name="padding"/> transparent pixels separate cells and surround the grid.
        /// The background stays transparent. Columns are limited to the number of cells.
        /// Size: columns * (cellWidth * scale) + (columns + 1) * padding, likewise for rows.
        /// </summary>
        public static RgbaImage Compose(IReadOnlyList<RgbaImage> cells, int columns, int scale, int padding)
        {
            ArgumentNullException.ThrowIfNull(cells);
            if (cells.Count == 0)
            {
                throw new ArgumentException("At least one cell is needed.", nameof(cells));
            }
            ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
            ArgumentOutOfRangeException.ThrowIfNegative(padding);
            int usedColumns = Math.Min(columns, cells.Count);
            int rows = (cells.Count + usedColumns - 1) / usedColumns;
            int slotWidth = 0, slotHeight = 0;
            foreach (var cell in cells)
            {
                ArgumentNullException.ThrowIfNull(cell, nameof(cells));
                slotWidth = Math.Max(slotWidth, cell.Width * scale);
                slotHeight = Math.Max(slotHeight, cell.Height * scale);
            }
            var grid = new RgbaImage(
                checked(usedColumns * slotWidth + (usedColumns + 1) * padding),
                checked(rows * slotHeight + (rows + 1) * padding));
            for (int index = 0; index < cells.Count; index++)
            {
                int left = padding + (index % usedColumns) * (slotWidth + padding);
                int top = padding + (index / usedColumns) * (slotHeight + padding);
                DrawScaled(cells[index], scale, grid, left, top);
            }
            return grid;
        }

        private static void DrawScaled(RgbaImage cell, int scale, RgbaImage grid, int left, int top)
        {
            for (int y = 0; y < cell.Height * scale; y++)
            {
                for (int x = 0; x < cell.Width * scale; x++)
                {
                    Buffer.BlockCopy(cell.Pixels, cell.OffsetOf(x / scale, y / scale), grid.Pixels, grid.OffsetOf(left + x, top + y), 4);
                }
            }
        }
    }
}
