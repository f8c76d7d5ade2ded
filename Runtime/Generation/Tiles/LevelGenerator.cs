using System;

namespace VaeProcgen.Generation.Tiles
{
    /// <summary>
    /// Generates a level of any length from a decoder that produces fixed-size windows, by stitching segments
    /// (horizontal: left to right; vertical: bottom to top), or a single-screen room.
    /// <para>
    /// Every segment draws <see cref="LevelGenerationOptions.CandidatesPerSegment"/> latents (the first segment from the
    /// prior; later ones half one random-walk step from the previous segment's latent, z' = sqrt(1 - a²) z + a·noise,
    /// half fresh prior draws) and decodes them in one batch. Candidates are tried in order of how likely the previous
    /// segment's last M = max(overlap, 1) columns of tiles are under their first M columns of probabilities (sum of
    /// log-probabilities; earlier candidates win ties). The overlap columns are cross-faded linearly, and each segment's
    /// tiles are fixed when it is chosen (most likely tile, or a sample at the temperature). Without a checker the first
    /// candidate wins. With <see cref="LevelGenerationOptions.Playability"/> the first candidate that keeps the level
    /// playable wins; when none does, one more batch is drawn, then the previous segment is revisited (see
    /// <see cref="PlayableLevelSearch"/>); the result says whether the level passed, and <see cref="Generate"/> throws
    /// <see cref="LevelGenerationException"/> when it did not. Rooms: see <see cref="RoomSearch"/>. Every random number
    /// comes from one <see cref="DeterministicRandom"/> seeded with the seed, so a seed always gives the same level for a
    /// given decoder.
    /// </para>
    /// </summary>
    internal static class LevelGenerator
    {
        /// <summary>
        /// Generates a level of <paramref name="segments"/> segments: for horizontal layouts windowWidth + (segments - 1)(windowWidth - overlap)
        /// columns, for vertical layouts height + (segments - 1)(height - overlap) rows, for rooms one window.
        /// <paramref name="decodeBatchProbabilities"/> maps B latents, flat [B * latentSize], to tile probabilities, flat
        /// [B * tiles * height * windowWidth] (planar per item); the generator copies what it needs out of the returned array
        /// before the next call, so the function may return the same buffer every time. Throws <see cref="LevelGenerationException"/> when a checked
        /// level cannot be made playable.
        /// </summary>
        public static TileGrid Generate(Func<float[], float[]> decodeBatchProbabilities, int latentSize, int tiles, int height, int windowWidth,
            long seed, int segments, LevelGenerationOptions options) =>
            RequirePlayable(GenerateDetailed(decodeBatchProbabilities, latentSize, tiles, height, windowWidth, seed, segments, options)).Grid;

        /// <summary>As <see cref="Generate"/>, returning the stitched probabilities, the repair and the check, and never throwing for an unplayable level.</summary>
        public static LevelGenerationResult GenerateDetailed(Func<float[], float[]> decodeBatchProbabilities, int latentSize, int tiles, int height,
            int windowWidth, long seed, int segments, LevelGenerationOptions options)
        {
            if (decodeBatchProbabilities == null) throw new ArgumentNullException(nameof(decodeBatchProbabilities));
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (latentSize <= 0 || tiles <= 0 || height <= 0 || windowWidth <= 0) throw new ArgumentOutOfRangeException(nameof(latentSize), "Sizes must be positive.");
            if (segments <= 0) throw new ArgumentOutOfRangeException(nameof(segments), "At least one segment is needed.");
            int span = options.Layout == LevelLayout.Vertical ? height : windowWidth;
            int overlap = options.OverlapColumns;
            if (overlap < 0 || overlap >= span) throw new ArgumentOutOfRangeException(nameof(options), $"Overlap must be in [0, {span - 1}].");
            if (options.CandidatesPerSegment <= 0) throw new ArgumentOutOfRangeException(nameof(options), "At least one candidate per segment is needed.");
            if (!(options.WalkStep > 0 && options.WalkStep <= 1)) throw new ArgumentOutOfRangeException(nameof(options), "Walk step must be in (0, 1].");
            if (options.MaxDecodeBatches <= 0) throw new ArgumentOutOfRangeException(nameof(options), "At least one decoder batch is needed.");
            if (options.LatentPrior != null && options.LatentPrior.LatentSize != latentSize)
                throw new ArgumentException($"The fitted prior has latent size {options.LatentPrior.LatentSize}, the decoder {latentSize}.", nameof(options));
            if (options.Layout == LevelLayout.Room) return new RoomSearch(decodeBatchProbabilities, latentSize, tiles, height, windowWidth, seed, options).Run();
            return new PlayableLevelSearch(decodeBatchProbabilities, latentSize, tiles, height, windowWidth, seed, segments, options).Run();
        }

        /// <summary>Returns the result when it is unchecked or playable; otherwise throws <see cref="LevelGenerationException"/>.</summary>
        public static LevelGenerationResult RequirePlayable(LevelGenerationResult result)
        {
            if (result == null) throw new ArgumentNullException(nameof(result));
            if (result.Playability == null || result.Playability.Playable) return result;
            throw new LevelGenerationException(
                $"No playable level was found within {result.DecodeBatches} decoder batches: {result.Playability.Reason} Try another seed or more candidates.", result);
        }
    }
}
