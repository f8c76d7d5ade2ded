using System;

namespace VaeProcgen.Generation.Tiles
{
    /// <summary>
    /// Maps a decoded tile level onto engine tilemap cells. Grids are row-major, top row first
    /// (index = row * width + column); tilemaps grow upwards, so cell x = column and y = height - 1 - row.
    /// </summary>
    public static class TilemapCellMapping
    {
        /// <summary>
        /// Picks the most probable tile of every cell from decoder output laid out [channels, height, width]
        /// (planar, one channel per tile type). Ties go to the lower tile index.
        /// </summary>
        public static void MostLikelyTiles(ReadOnlySpan<float> planarProbabilities, int channels, int height, int width, Span<int> tileGrid)
        {
            if (channels <= 0 || height <= 0 || width <= 0) throw new ArgumentException($"Channels, height and width must be positive (got {channels}, {height}, {width}).");
            int cells = checked(height * width);
            if (planarProbabilities.Length != checked(cells * channels))
            {
                throw new ArgumentException($"Probabilities hold {planarProbabilities.Length} values; {channels}x{height}x{width} needs {cells * channels}.", nameof(planarProbabilities));
            }
            if (tileGrid.Length < cells) throw new ArgumentException($"Tile grid holds {tileGrid.Length} cells; {cells} are needed.", nameof(tileGrid));
            for (int cell = 0; cell < cells; cell++)
            {
                int best = 0;
                float bestValue = planarProbabilities[cell];
                for (int channel = 1; channel < channels; channel++)
                {
                    float value = planarProbabilities[channel * cells + cell];
                    if (value > bestValue)
                    {
                        best = channel;
                        bestValue = value;
                    }
                }
                tileGrid[cell] = best;
            }
        }

        /// <summary>Tilemap cell (x, y) of grid index <paramref name="gridIndex"/>.</summary>
        public static (int X, int Y) CellOf(int gridIndex, int width, int height)
        {
            if (width <= 0 || height <= 0) throw new ArgumentException($"Width and height must be positive (got {width}, {height}).");
            if (gridIndex < 0 || gridIndex >= width * height) throw new ArgumentOutOfRangeException(nameof(gridIndex), gridIndex, $"Index must be in 0..{width * height - 1}.");
            int row = gridIndex / width;
            int column = gridIndex % width;
            return (column, height - 1 - row);
        }

        /// <summary>Grid index of tilemap cell (x, y); inverse of <see cref="CellOf"/>.</summary>
        public static int GridIndexOf(int x, int y, int width, int height)
        {
            if (x < 0 || x >= width) throw new ArgumentOutOfRangeException(nameof(x), x, $"x must be in 0..{width - 1}.");
            if (y < 0 || y >= height) throw new ArgumentOutOfRangeException(nameof(y), y, $"y must be in 0..{height - 1}.");
            return (height - 1 - y) * width + x;
        }
    }
}
