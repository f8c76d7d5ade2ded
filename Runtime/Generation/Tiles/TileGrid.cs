using System;
using System.Collections.Generic;
using System.Text;
using VaeProcgen.Contract;

namespace VaeProcgen.Generation.Tiles
{
    /// <summary>
    /// An immutable grid of tile indices (legend channel indices), stored row-major with the top row first,
    /// as in VGLC text where each line is one row and each character one tile.
    /// </summary>
    public sealed class TileGrid : IEquatable<TileGrid>
    {
        private readonly int[] cells;

        /// <summary>Creates a grid from row-major cells (copied); cells.Length must be height * width.</summary>
        public TileGrid(int height, int width, IReadOnlyList<int> cells)
        {
            if (height <= 0) throw new ArgumentOutOfRangeException(nameof(height), "Height must be positive.");
            if (width <= 0) throw new ArgumentOutOfRangeException(nameof(width), "Width must be positive.");
            if (cells == null) throw new ArgumentNullException(nameof(cells));
            if (cells.Count != height * width) throw new ArgumentException($"Expected {height * width} cells, got {cells.Count}.", nameof(cells));
            Height = height;
            Width = width;
            this.cells = new int[cells.Count];
            for (int i = 0; i < this.cells.Length; i++) this.cells[i] = cells[i];
        }

        private TileGrid(int height, int width, int[] ownedCells, bool owned)
        {
            Height = height;
            Width = width;
            cells = ownedCells;
        }

        /// <summary>Creates a grid that takes ownership of <paramref name="cells"/> without copying (runtime-internal).</summary>
        internal static TileGrid Wrap(int height, int width, int[] cells) => new TileGrid(height, width, cells, true);

        /// <summary>Number of columns.</summary>
        public int Width { get; }

        /// <summary>Number of rows.</summary>
        public int Height { get; }

        /// <summary>Tile index at a row (0 = top) and column (0 = left).</summary>
        public int this[int row, int column]
        {
            get
            {
                if ((uint)row >= (uint)Height) throw new ArgumentOutOfRangeException(nameof(row));
                if ((uint)column >= (uint)Width) throw new ArgumentOutOfRangeException(nameof(column));
                return cells[row * Width + column];
            }
        }

        /// <summary>The cells, row-major, top row first.</summary>
        public ReadOnlySpan<int> Cells => cells;

        /// <summary>A copy of the cells, row-major, top row first.</summary>
        public int[] ToArray() => (int[])cells.Clone();

        /// <summary>Writes the grid as VGLC text: one line per row joined by "\n" (no trailing newline).</summary>
        public string ToVglcText(IReadOnlyList<TileLegendEntry> legend)
        {
            if (legend == null) throw new ArgumentNullException(nameof(legend));
            var characters = new Dictionary<int, char>();
            foreach (TileLegendEntry entry in legend) characters[entry.Index] = entry.Character;
            var text = new StringBuilder(Height * (Width + 1));
            for (int row = 0; row < Height; row++)
            {
                if (row > 0) text.Append('\n');
                for (int column = 0; column < Width; column++)
                {
                    int tile = cells[row * Width + column];
                    if (!characters.TryGetValue(tile, out char c))
                        throw new ArgumentException($"Tile index {tile} at row {row}, column {column} is not in the legend.", nameof(legend));
                    text.Append(c);
                }
            }
            return text.ToString();
        }

        /// <summary>
        /// Parses VGLC text (one line per row, "\n" or "\r\n", trailing newlines and a trailing empty line ignored).
        /// Throws <see cref="TileGridFormatException"/> naming the 1-based line and column of an unknown character,
        /// a row whose length differs from the first row, or empty text.
        /// </summary>
        public static TileGrid FromVglcText(string text, IReadOnlyList<TileLegendEntry> legend)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            if (legend == null) throw new ArgumentNullException(nameof(legend));
            var indices = new Dictionary<char, int>();
            foreach (TileLegendEntry entry in legend) indices[entry.Character] = entry.Index;

            string[] lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            int lineCount = lines.Length;
            while (lineCount > 0 && lines[lineCount - 1].Length == 0) lineCount--;
            if (lineCount == 0) throw new TileGridFormatException("The level text is empty.", 1, 1);

            int width = lines[0].Length;
            var cells = new int[lineCount * width];
            for (int row = 0; row < lineCount; row++)
            {
                string line = lines[row];
                if (line.Length != width)
                {
                    throw new TileGridFormatException(
                        $"Line {row + 1} has {line.Length} characters but line 1 has {width}; every row must have the same length.",
                        row + 1, Math.Min(line.Length, width) + 1);
                }
                for (int column = 0; column < width; column++)
                {
                    if (!indices.TryGetValue(line[column], out int tile))
                    {
                        throw new TileGridFormatException(
                            $"Line {row + 1}, column {column + 1}: character '{line[column]}' is not in the legend.",
                            row + 1, column + 1);
                    }
                    cells[row * width + column] = tile;
                }
            }
            return Wrap(lineCount, width, cells);
        }

        /// <summary>The columns [column, column + width) as a new grid.</summary>
        public TileGrid Slice(int column, int width) => Crop(0, column, Height, width);

        /// <summary>The rectangle of <paramref name="height"/> rows from <paramref name="row"/> and <paramref name="width"/> columns from <paramref name="column"/>.</summary>
        public TileGrid Crop(int row, int column, int height, int width)
        {
            if (row < 0 || height <= 0 || row + height > Height) throw new ArgumentOutOfRangeException(nameof(row), $"Rows [{row}, {row + height}) are outside 0..{Height}.");
            if (column < 0 || width <= 0 || column + width > Width) throw new ArgumentOutOfRangeException(nameof(column), $"Columns [{column}, {column + width}) are outside 0..{Width}.");
            var result = new int[height * width];
            for (int r = 0; r < height; r++) Array.Copy(cells, (row + r) * Width + column, result, r * width, width);
            return Wrap(height, width, result);
        }

        /// <summary>Places grids of equal height side by side, left to right.</summary>
        public static TileGrid Concatenate(IReadOnlyList<TileGrid> grids)
        {
            if (grids == null) throw new ArgumentNullException(nameof(grids));
            if (grids.Count == 0) throw new ArgumentException("At least one grid is needed.", nameof(grids));
            int height = grids[0].Height;
            int width = 0;
            foreach (TileGrid grid in grids)
            {
                if (grid.Height != height) throw new ArgumentException($"All grids must have height {height}; one has {grid.Height}.", nameof(grids));
                width += grid.Width;
            }
            var result = new int[height * width];
            int offset = 0;
            foreach (TileGrid grid in grids)
            {
                for (int r = 0; r < height; r++) Array.Copy(grid.cells, r * grid.Width, result, r * width + offset, grid.Width);
                offset += grid.Width;
            }
            return Wrap(height, width, result);
        }

        /// <summary>Number of cells whose tile differs from <paramref name="other"/> (same size required).</summary>
        public int CountDifferences(TileGrid other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            if (other.Width != Width || other.Height != Height) throw new ArgumentException("Grids must have the same size.", nameof(other));
            int count = 0;
            for (int i = 0; i < cells.Length; i++) if (cells[i] != other.cells[i]) count++;
            return count;
        }

        /// <summary>True when sizes and every cell are equal.</summary>
        public bool Equals(TileGrid? other)
        {
            if (other is null) return false;
            if (ReferenceEquals(this, other)) return true;
            return other.Width == Width && other.Height == Height && cells.AsSpan().SequenceEqual(other.cells);
        }

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as TileGrid);

        /// <inheritdoc />
        public override int GetHashCode()
        {
            int hash = Width * 31 + Height;
            foreach (int cell in cells) hash = unchecked(hash * 16777619 + cell);
            return hash;
        }

        /// <summary>Size as "H x W".</summary>
        public override string ToString() => $"TileGrid {Height} x {Width}";
    }
}
