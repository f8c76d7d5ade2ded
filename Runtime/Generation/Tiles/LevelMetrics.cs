using System;
using System.Collections.Generic;

namespace VaeProcgen.Generation.Tiles
{
    /// <summary>Procedural-content metrics for tile levels.</summary>
    internal static class LevelMetrics
    {
        /// <summary>Smoothing constant of <see cref="PatternKlDivergence"/> (Lucas and Volz 2019).</summary>
        public const double KlEpsilon = 1e-7;

        /// <summary>
        /// Tile-pattern KL divergence KL(P || Q) of Lucas and Volz (2019), "Tile pattern KL-divergence for analysing
        /// and evolving game levels". Every k x k window of every grid of a set is counted; with N the total window
        /// count of that set and eps = <see cref="KlEpsilon"/>, a pattern's smoothed probability is
        /// p = (count + eps) / ((N + eps)(1 + eps)). KL(P || Q) = Σ over patterns present in P of p log(p / q), where q is
        /// smoothed the same way from Q's counts (count 0 when the pattern does not occur in Q). Natural log (nats).
        /// 0 for identical distributions; grows as P uses patterns Q lacks.
        /// </summary>
        public static double PatternKlDivergence(IEnumerable<TileGrid> p, IEnumerable<TileGrid> q, int patternSize)
        {
            var (countsP, totalP) = CountPatterns(p, patternSize);
            var (countsQ, totalQ) = CountPatterns(q, patternSize);
            if (totalP == 0) throw new ArgumentException($"The first set has no {patternSize}x{patternSize} windows.", nameof(p));
            if (totalQ == 0) throw new ArgumentException($"The second set has no {patternSize}x{patternSize} windows.", nameof(q));
            double normP = (totalP + KlEpsilon) * (1 + KlEpsilon);
            double normQ = (totalQ + KlEpsilon) * (1 + KlEpsilon);
            double kl = 0;
            foreach (KeyValuePair<string, long> pattern in countsP)
            {
                countsQ.TryGetValue(pattern.Key, out long countQ);
                double probabilityP = (pattern.Value + KlEpsilon) / normP;
                double probabilityQ = (countQ + KlEpsilon) / normQ;
                kl += probabilityP * Math.Log(probabilityP / probabilityQ);
            }
            return kl;
        }

        /// <summary>Symmetric tile-pattern KL: 0.5 (KL(P || Q) + KL(Q || P)), see <see cref="PatternKlDivergence"/>.</summary>
        public static double SymmetricPatternKl(IReadOnlyCollection<TileGrid> p, IReadOnlyCollection<TileGrid> q, int patternSize) =>
            0.5 * (PatternKlDivergence(p, q, patternSize) + PatternKlDivergence(q, p, patternSize));

        /// <summary>
        /// Human baseline: for each level i, <see cref="SymmetricPatternKl"/> between level i alone and all other levels
        /// together. A generator whose KL to the training levels is in this range is as close as the levels are to each other.
        /// </summary>
        public static double[] LeaveOneOutSymmetricKl(IReadOnlyList<TileGrid> levels, int patternSize)
        {
            if (levels == null) throw new ArgumentNullException(nameof(levels));
            if (levels.Count < 2) throw new ArgumentException("The baseline needs at least two levels.", nameof(levels));
            var result = new double[levels.Count];
            for (int i = 0; i < levels.Count; i++)
            {
                var rest = new List<TileGrid>(levels.Count - 1);
                for (int j = 0; j < levels.Count; j++) if (j != i) rest.Add(levels[j]);
                result[i] = SymmetricPatternKl(new[] { levels[i] }, rest, patternSize);
            }
            return result;
        }

        /// <summary>
        /// Novelty: the fraction of <paramref name="generatedWindows"/> (all of one size H x W) that do not occur verbatim
        /// as any H x W window (any row and column offset) of <paramref name="trainingLevels"/>. 0 = all copied, 1 = all new.
        /// </summary>
        public static double Novelty(IReadOnlyList<TileGrid> generatedWindows, IEnumerable<TileGrid> trainingLevels)
        {
            if (generatedWindows == null) throw new ArgumentNullException(nameof(generatedWindows));
            if (trainingLevels == null) throw new ArgumentNullException(nameof(trainingLevels));
            if (generatedWindows.Count == 0) throw new ArgumentException("No generated windows.", nameof(generatedWindows));
            int height = generatedWindows[0].Height, width = generatedWindows[0].Width;
            var training = new HashSet<string>(StringComparer.Ordinal);
            foreach (TileGrid level in trainingLevels)
                for (int row = 0; row + height <= level.Height; row++)
                    for (int column = 0; column + width <= level.Width; column++)
                        training.Add(TilePatternSet.WindowKey(level, row, column, height, width));
            int novel = 0;
            foreach (TileGrid window in generatedWindows)
            {
                if (window.Height != height || window.Width != width) throw new ArgumentException("All generated windows must have the same size.", nameof(generatedWindows));
                if (!training.Contains(TilePatternSet.WindowKey(window, 0, 0, height, width))) novel++;
            }
            return novel / (double)generatedWindows.Count;
        }

        /// <summary>
        /// Diversity: mean over all unordered pairs of windows (same size) of the tile-wise Hamming distance, the
        /// fraction of cells whose tiles differ. 0 when all windows are identical or there are fewer than two.
        /// </summary>
        public static double Diversity(IReadOnlyList<TileGrid> windows)
        {
            if (windows == null) throw new ArgumentNullException(nameof(windows));
            if (windows.Count < 2) return 0;
            double total = 0;
            long pairs = 0;
            for (int i = 0; i < windows.Count; i++)
            {
                for (int j = i + 1; j < windows.Count; j++)
                {
                    total += windows[i].CountDifferences(windows[j]) / (double)(windows[i].Width * windows[i].Height);
                    pairs++;
                }
            }
            return total / pairs;
        }

        /// <summary>Fraction of the grid's 2x2 windows that are not among <paramref name="seen2x2Patterns"/> (playability proxy).</summary>
        public static double UnseenPatternRate(TileGrid grid, TilePatternSet seen2x2Patterns)
        {
            if (seen2x2Patterns == null) throw new ArgumentNullException(nameof(seen2x2Patterns));
            return seen2x2Patterns.UnseenRate(grid);
        }

        private static (Dictionary<string, long> Counts, long Total) CountPatterns(IEnumerable<TileGrid> grids, int size)
        {
            if (grids == null) throw new ArgumentNullException(nameof(grids));
            if (size <= 0) throw new ArgumentOutOfRangeException(nameof(size), "Pattern size must be positive.");
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            long total = 0;
            foreach (TileGrid grid in grids)
            {
                for (int row = 0; row + size <= grid.Height; row++)
                {
                    for (int column = 0; column + size <= grid.Width; column++)
                    {
                        string key = TilePatternSet.Key(grid, row, column, size);
                        counts.TryGetValue(key, out long count);
                        counts[key] = count + 1;
                        total++;
                    }
                }
            }
            return (counts, total);
        }
    }
}
