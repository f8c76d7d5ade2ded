using System;

namespace VaeProcgen.Generation.Tiles
{
    /// <summary>
    /// Turns decoder tile probabilities, planar [tiles, height, width] (index t*H*W + r*W + c), into a <see cref="TileGrid"/>.
    /// </summary>
    internal static class TileDecoding
    {
        /// <summary>The most likely tile of every cell (the lowest index wins a tie).</summary>
        public static TileGrid Argmax(ReadOnlySpan<float> probabilities, int tiles, int height, int width)
        {
            CheckShape(probabilities, tiles, height, width);
            var cells = new int[height * width];
            TilemapCellMapping.MostLikelyTiles(probabilities, tiles, height, width, cells);
            return TileGrid.Wrap(height, width, cells);
        }

        /// <summary>
        /// Samples every cell from its categorical distribution sharpened by temperature: P(t) ∝ p(t)^(1/temperature).
        /// Temperature 1 samples the decoder's distribution; temperature ≤ 0 returns <see cref="Argmax"/> (the limit
        /// temperature → 0). Cells are drawn in row-major order, one <see cref="DeterministicRandom.NextDouble"/> each.
        /// </summary>
        public static TileGrid Sample(ReadOnlySpan<float> probabilities, int tiles, int height, int width, double temperature, DeterministicRandom random)
        {
            if (random == null) throw new ArgumentNullException(nameof(random));
            if (temperature <= 0 || double.IsNaN(temperature)) return Argmax(probabilities, tiles, height, width);
            CheckShape(probabilities, tiles, height, width);
            int plane = height * width;
            var cells = new int[plane];
            var weights = new double[tiles];
            double inverseTemperature = 1.0 / temperature;
            for (int cell = 0; cell < plane; cell++)
            {
                double maxLog = double.NegativeInfinity;
                for (int t = 0; t < tiles; t++)
                {
                    double p = probabilities[t * plane + cell];
                    weights[t] = p > 0 ? Math.Log(p) * inverseTemperature : double.NegativeInfinity;
                    if (weights[t] > maxLog) maxLog = weights[t];
                }
                double u = random.NextDouble();
                if (double.IsNegativeInfinity(maxLog))
                {
                    cells[cell] = 0;
                    continue;
                }
                double total = 0;
                for (int t = 0; t < tiles; t++)
                {
                    weights[t] = double.IsNegativeInfinity(weights[t]) ? 0 : Math.Exp(weights[t] - maxLog);
                    total += weights[t];
                }
                double target = u * total;
                int chosen = tiles - 1;
                double cumulative = 0;
                for (int t = 0; t < tiles; t++)
                {
                    cumulative += weights[t];
                    if (target < cumulative && weights[t] > 0)
                    {
                        chosen = t;
                        break;
                    }
                }
                while (weights[chosen] == 0 && chosen > 0) chosen--;
                cells[cell] = chosen;
            }
            return TileGrid.Wrap(height, width, cells);
        }

        internal static void CheckShape(ReadOnlySpan<float> probabilities, int tiles, int height, int width)
        {
            if (tiles <= 0 || height <= 0 || width <= 0) throw new ArgumentOutOfRangeException(nameof(tiles), "Tiles, height and width must be positive.");
            if (probabilities.Length != tiles * height * width)
                throw new ArgumentException($"Expected {tiles * height * width} probabilities ({tiles} x {height} x {width}), got {probabilities.Length}.", nameof(probabilities));
        }
    }
}
