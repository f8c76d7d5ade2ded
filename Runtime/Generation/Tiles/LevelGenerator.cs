using System;

namespace VaeProcgen.Generation.Tiles
{
    /// <summary>
    /// Generates a level of any length from a decoder that produces fixed-width windows, by stitching segments.
    /// <para>
    /// The first segment decodes a standard-normal latent. Every later segment draws
    /// <see cref="LevelGenerationOptions.CandidatesPerSegment"/> latents one random-walk step away from the previous
    /// segment's latent (z' = sqrt(1 - a²) z + a·noise, which keeps z standard normal) and decodes them in one batch.
    /// The candidate under whose first M = max(overlap, 1) columns of probabilities the previous segment's last M
    /// columns of tiles are most likely wins (sum of log-probabilities; first candidate wins ties). The overlap columns
    /// are cross-faded linearly from the previous segment to the new one. The stitched probabilities are then turned
    /// into tiles (argmax or temperature sampling) and optionally repaired. Every random number comes from one
    /// <see cref="DeterministicRandom"/> seeded with the seed, so a seed always gives the same level for a given decoder.
    /// </para>
    /// </summary>
    public static class LevelGenerator
    {
        private const double MinProbability = 1e-12;

        /// <summary>
        /// Generates a level of <paramref name="segments"/> segments, width windowWidth + (segments - 1)(windowWidth - overlap).
        /// <paramref name="decodeBatchProbabilities"/> maps B latents, flat [B * latentSize], to tile probabilities, flat
        /// [B * tiles * height * windowWidth] (planar per item).
        /// </summary>
        public static TileGrid Generate(Func<float[], float[]> decodeBatchProbabilities, int latentSize, int tiles, int height, int windowWidth,
            long seed, int segments, LevelGenerationOptions options) =>
            GenerateDetailed(decodeBatchProbabilities, latentSize, tiles, height, windowWidth, seed, segments, options).Grid;

        /// <summary>As <see cref="Generate"/>, also returning the stitched probabilities and the repair outcome.</summary>
        public static LevelGenerationResult GenerateDetailed(Func<float[], float[]> decodeBatchProbabilities, int latentSize, int tiles, int height,
            int windowWidth, long seed, int segments, LevelGenerationOptions options)
        {
            if (decodeBatchProbabilities == null) throw new ArgumentNullException(nameof(decodeBatchProbabilities));
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (latentSize <= 0 || tiles <= 0 || height <= 0 || windowWidth <= 0) throw new ArgumentOutOfRangeException(nameof(latentSize), "Sizes must be positive.");
            if (segments <= 0) throw new ArgumentOutOfRangeException(nameof(segments), "At least one segment is needed.");
            int overlap = options.OverlapColumns;
            if (overlap < 0 || overlap >= windowWidth) throw new ArgumentOutOfRangeException(nameof(options), $"Overlap must be in [0, {windowWidth - 1}].");
            if (options.CandidatesPerSegment <= 0) throw new ArgumentOutOfRangeException(nameof(options), "At least one candidate per segment is needed.");
            if (!(options.WalkStep > 0 && options.WalkStep <= 1)) throw new ArgumentOutOfRangeException(nameof(options), "Walk step must be in (0, 1].");

            var random = new DeterministicRandom(seed);
            int windowSize = tiles * height * windowWidth;
            int step = windowWidth - overlap;
            int totalWidth = windowWidth + (segments - 1) * step;
            var level = new float[tiles * height * totalWidth];

            float[] latent = new float[latentSize];
            for (int i = 0; i < latentSize; i++) latent[i] = (float)random.NextNormal();
            float[] first = Decode(decodeBatchProbabilities, latent, 1, windowSize);
            CopyColumns(first, 0, tiles, height, windowWidth, 0, level, totalWidth, 0, windowWidth);
            int end = windowWidth;

            int candidates = options.CandidatesPerSegment;
            double keep = Math.Sqrt(1 - options.WalkStep * options.WalkStep);
            int matchColumns = Math.Max(overlap, 1);
            for (int segment = 1; segment < segments; segment++)
            {
                var batch = new float[candidates * latentSize];
                for (int c = 0; c < candidates; c++)
                    for (int i = 0; i < latentSize; i++)
                        batch[c * latentSize + i] = (float)(keep * latent[i] + options.WalkStep * random.NextNormal());
                float[] decoded = Decode(decodeBatchProbabilities, batch, candidates, windowSize);

                TileGrid previousTiles = TileDecoding.Argmax(ColumnsOf(level, tiles, height, totalWidth, end - matchColumns, matchColumns), tiles, height, matchColumns);
                int best = 0;
                double bestScore = double.NegativeInfinity;
                for (int c = 0; c < candidates; c++)
                {
                    double score = ContinuationLogLikelihood(decoded, c * windowSize, tiles, height, windowWidth, previousTiles);
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = c;
                    }
                }

                int offset = best * windowSize;
                int plane = height * windowWidth;
                for (int j = 0; j < overlap; j++)
                {
                    float weight = (j + 1f) / (overlap + 1f);
                    int levelColumn = end - overlap + j;
                    for (int t = 0; t < tiles; t++)
                        for (int r = 0; r < height; r++)
                        {
                            int at = (t * height + r) * totalWidth + levelColumn;
                            level[at] = (1 - weight) * level[at] + weight * decoded[offset + t * plane + r * windowWidth + j];
                        }
                }
                CopyColumns(decoded, offset, tiles, height, windowWidth, overlap, level, totalWidth, end, step);
                end += step;
                Array.Copy(batch, best * latentSize, latent, 0, latentSize);
            }

            TileGrid grid = TileDecoding.Sample(level, tiles, height, totalWidth, options.Temperature, random);
            LevelRepairResult? repair = null;
            if (options.RepairPatterns != null)
            {
                repair = LevelRepair.Repair(grid, options.RepairPatterns, level);
                grid = repair.Grid;
            }
            return new LevelGenerationResult(grid, level, repair);
        }

        private static float[] Decode(Func<float[], float[]> decode, float[] latents, int batch, int windowSize)
        {
            float[] result = decode(latents) ?? throw new InvalidOperationException("The decoder returned null.");
            if (result.Length != batch * windowSize)
                throw new InvalidOperationException($"The decoder returned {result.Length} values for {batch} latents; expected {batch * windowSize}.");
            return result;
        }

        /// <summary>Σ log p_candidate(tile of previous column j at row r | row r, candidate column j) over the match columns.</summary>
        private static double ContinuationLogLikelihood(float[] decoded, int offset, int tiles, int height, int windowWidth, TileGrid previousTiles)
        {
            int plane = height * windowWidth;
            double total = 0;
            for (int r = 0; r < height; r++)
                for (int j = 0; j < previousTiles.Width; j++)
                {
                    int tile = previousTiles[r, j];
                    float p = decoded[offset + tile * plane + r * windowWidth + j];
                    total += Math.Log(Math.Max(p, MinProbability));
                }
            return total;
        }

        private static void CopyColumns(float[] source, int sourceOffset, int tiles, int height, int sourceWidth, int sourceColumn,
            float[] target, int targetWidth, int targetColumn, int count)
        {
            for (int t = 0; t < tiles; t++)
                for (int r = 0; r < height; r++)
                    Array.Copy(source, sourceOffset + (t * height + r) * sourceWidth + sourceColumn, target, (t * height + r) * targetWidth + targetColumn, count);
        }

        private static float[] ColumnsOf(float[] level, int tiles, int height, int levelWidth, int column, int count)
        {
            var result = new float[tiles * height * count];
            for (int t = 0; t < tiles; t++)
                for (int r = 0; r < height; r++)
                    Array.Copy(level, (t * height + r) * levelWidth + column, result, (t * height + r) * count, count);
            return result;
        }
    }
}
