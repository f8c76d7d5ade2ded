using System;
using System.Collections.Generic;
using System.Linq;
using VaeProcgen.Contract;
using VaeProcgen.Generation.Playability;
using VaeProcgen.Generation.Tiles;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>The PCG metrics of a set of generated levels against the training levels (the JSON of `eval-levels`).</summary>
    internal static class LevelEvaluation
    {
        public static readonly int[] PatternSizes = { 2, 3, 4 };

        /// <summary>Computes every metric; <paramref name="raw"/> and <paramref name="repaired"/> are the same levels before and after repair.</summary>
        public static Dictionary<string, object> Evaluate(IReadOnlyList<TileGrid> training, IReadOnlyList<TileGrid> raw, IReadOnlyList<TileGrid> repaired,
            TilePatternSet patterns, int windowHeight, int windowWidth)
        {
            var kl = new Dictionary<string, object>();
            foreach (int k in PatternSizes)
            {
                double[] baseline = LevelMetrics.LeaveOneOutSymmetricKl(training, k);
                double[] perLevel = repaired.Select(level => LevelMetrics.SymmetricPatternKl(new[] { level }, training.ToList(), k)).ToArray();
                kl[$"k{k}"] = new Dictionary<string, object>
                {
                    ["kl_train_gen"] = LevelMetrics.PatternKlDivergence(training, repaired, k),
                    ["symmetric"] = LevelMetrics.SymmetricPatternKl(training.ToList(), repaired.ToList(), k),
                    ["kl_train_gen_raw"] = LevelMetrics.PatternKlDivergence(training, raw, k),
                    ["symmetric_raw"] = LevelMetrics.SymmetricPatternKl(training.ToList(), raw.ToList(), k),
                    ["per_level_symmetric"] = Summary(perLevel),
                    ["human_baseline"] = Summary(baseline),
                    ["within_human_range"] = perLevel.Average() >= baseline.Min() && perLevel.Average() <= baseline.Max(),
                };
            }
            List<TileGrid> windows = Windows(repaired, windowHeight, windowWidth);
            return new Dictionary<string, object>
            {
                ["levels"] = repaired.Count,
                ["level_width"] = repaired[0].Width,
                ["training_levels"] = training.Count,
                ["pattern_kl"] = kl,
                ["novelty"] = LevelMetrics.Novelty(windows, training),
                ["diversity"] = LevelMetrics.Diversity(windows),
                ["training_diversity"] = LevelMetrics.Diversity(Windows(training, windowHeight, windowWidth)),
                ["windows"] = windows.Count,
                ["unseen_2x2_before_repair"] = raw.Average(patterns.UnseenRate),
                ["unseen_2x2_after_repair"] = repaired.Average(patterns.UnseenRate),
            };
        }

        /// <summary>
        /// Per object tile (<see cref="TileRoles.ObjectTiles"/>: gold, coins, enemies...): its mean count per level and per
        /// 1,000 cells in the generated levels as generation returns them (before the metrics' repair) and in the original levels.
        /// </summary>
        public static Dictionary<string, object> ObjectCounts(TileRoles roles, IReadOnlyList<TileLegendEntry> legend, IReadOnlyList<TileGrid> originals, IReadOnlyList<TileGrid> generated)
        {
            var result = new Dictionary<string, object>();
            foreach (int tile in roles.ObjectTiles)
            {
                TileLegendEntry entry = legend.First(e => e.Index == tile);
                result[entry.Character.ToString()] = new Dictionary<string, object>
                {
                    ["tags"] = string.Join(",", entry.Tags),
                    ["generated_per_level"] = MeanCount(generated, tile),
                    ["original_per_level"] = MeanCount(originals, tile),
                    ["generated_per_1000_cells"] = PerThousandCells(generated, tile),
                    ["original_per_1000_cells"] = PerThousandCells(originals, tile),
                };
            }
            return result;
        }

        private static int Count(TileGrid level, int tile)
        {
            int n = 0;
            foreach (int t in level.Cells) if (t == tile) n++;
            return n;
        }

        private static double MeanCount(IReadOnlyList<TileGrid> levels, int tile) => levels.Average(level => (double)Count(level, tile));

        private static double PerThousandCells(IReadOnlyList<TileGrid> levels, int tile) =>
            1000.0 * levels.Sum(level => (double)Count(level, tile)) / levels.Sum(level => (double)level.Height * level.Width);

        /// <summary>Non-overlapping windows of every level, row by row (the metric unit of novelty and diversity).</summary>
        public static List<TileGrid> Windows(IReadOnlyList<TileGrid> levels, int height, int width)
        {
            var windows = new List<TileGrid>();
            foreach (TileGrid level in levels)
                for (int row = 0; row + height <= level.Height || (row == 0 && height > level.Height); row += height)
                    for (int column = 0; column + width <= level.Width; column += width)
                        windows.Add(level.Crop(row, column, Math.Min(height, level.Height), width));
            return windows;
        }

        private static Dictionary<string, double> Summary(double[] values) => new Dictionary<string, double>
        {
            ["mean"] = values.Average(),
            ["min"] = values.Min(),
            ["max"] = values.Max(),
        };
    }
}
