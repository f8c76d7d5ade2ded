using System;
using VaeProcgen.Contract;
using VaeProcgen.Generation.Playability;

namespace VaeProcgen.Generation.Tiles
{
    /// <summary>
    /// Tile-level generation on a loaded tiles <see cref="VaeModel"/> (any backend): decode one latent into a window,
    /// or stitch a whole level with <see cref="LevelGenerator"/> using the model's decoder.
    /// </summary>
    public static class TileModelExtensions
    {
        /// <summary>
        /// Decodes one latent [K] into a window of tiles: the most likely tile per cell when
        /// <paramref name="temperature"/> is 0, otherwise a sample of P(t) ∝ p(t)^(1/temperature) seeded by <paramref name="seed"/>.
        /// </summary>
        public static TileGrid DecodeTiles(this VaeModel model, ReadOnlySpan<float> latent, double temperature = 0, long seed = 0)
        {
            RequireTiles(model);
            if (latent.Length != model.LatentSize)
                throw new ArgumentException($"Expected one latent of {model.LatentSize} values, got {latent.Length}.", nameof(latent));
            var probabilities = new float[model.ItemSize];
            model.Decode(latent, probabilities);
            ModelContract c = model.Contract;
            return TileDecoding.Sample(probabilities, c.Channels, c.Height, c.Width, temperature, new DeterministicRandom(seed));
        }

        /// <summary>
        /// Generates a level of <paramref name="segments"/> windows stitched left to right (see <see cref="LevelGenerator"/>);
        /// same model, seed and options, same level. Null options use <see cref="LevelOptions"/> with repair and the
        /// playability check on. Throws <see cref="LevelGenerationException"/> when a checked level cannot be made playable.
        /// </summary>
        public static TileGrid GenerateLevel(this VaeModel model, long seed, int segments, LevelGenerationOptions? options = null) =>
            LevelGenerator.RequirePlayable(model.GenerateLevelDetailed(seed, segments, options)).Grid;

        /// <summary>As <see cref="GenerateLevel"/>, also returning the stitched probabilities, the repair and the check; never throws for an unplayable level.</summary>
        public static LevelGenerationResult GenerateLevelDetailed(this VaeModel model, long seed, int segments, LevelGenerationOptions? options = null)
        {
            RequireTiles(model);
            ModelContract c = model.Contract;
            // The searches copy each batch out before decoding the next, so one output buffer serves the whole level.
            float[] output = Array.Empty<float>();
            Func<float[], float[]> decode = latents =>
            {
                int length = latents.Length / model.LatentSize * model.ItemSize;
                if (output.Length != length) output = new float[length];
                model.Decode(latents, output);
                return output;
            };
            return LevelGenerator.GenerateDetailed(decode, model.LatentSize, c.Channels, c.Height, c.Width, seed, segments,
                options ?? model.LevelOptions(repair: true));
        }

        /// <summary>
        /// Generation options for this model: the defaults of <see cref="LevelGenerationOptions"/> with the given
        /// temperature, the contract's level layout, latents from the model's fitted prior when it has one (see
        /// <see cref="VaeModel.FittedPrior"/>), the playability check of <see cref="TileModelExtensions.PlayabilityChecker(VaeModel, MovementProfile)"/> when
        /// <paramref name="checkPlayability"/> is true, and repair against the contract's 2x2 training patterns when
        /// <paramref name="repair"/> is true (throws <see cref="VaeModelException"/> when the model was exported without them).
        /// </summary>
        public static LevelGenerationOptions LevelOptions(this VaeModel model, bool repair, double temperature = 0, bool checkPlayability = true)
        {
            RequireTiles(model);
            TilePatternSet? patterns = null;
            if (repair)
            {
                patterns = model.Contract.TilePatterns2x2
                    ?? throw new VaeModelException($"The model has no '{ContractNames.KeyTilePatterns2x2}' metadata, so levels cannot be repaired; re-export it with the current trainer or generate without repair.");
            }
            return new LevelGenerationOptions
            {
                Temperature = temperature,
                RepairPatterns = patterns,
                Layout = model.Contract.LevelLayout,
                LatentPrior = model.FittedPrior,
                Playability = checkPlayability ? model.PlayabilityChecker() : null,
            };
        }

        /// <summary>
        /// A playability checker for this model's levels: tile roles from the contract's legend tags and the movement
        /// profile of its layout (horizontal: <see cref="MovementProfile.SideScrolling"/>, vertical:
        /// <see cref="MovementProfile.Vertical"/>, room: <see cref="MovementProfile.LadderAndRope"/>), unless one is given.
        /// </summary>
        public static PlayabilityChecker PlayabilityChecker(this VaeModel model, MovementProfile? profile = null)
        {
            RequireTiles(model);
            return new PlayabilityChecker(TileRoles.FromLegend(model.Contract.TileLegend), profile ?? ProfileFor(model.Contract.LevelLayout));
        }

        /// <summary>The default movement profile of a layout.</summary>
        public static MovementProfile ProfileFor(LevelLayout layout) => layout switch
        {
            LevelLayout.Vertical => MovementProfile.Vertical(),
            LevelLayout.Room => MovementProfile.LadderAndRope(),
            _ => MovementProfile.SideScrolling(),
        };

        private static void RequireTiles(VaeModel model)
        {
            if (model == null) throw new ArgumentNullException(nameof(model));
            if (model.Contract.Kind != ModelKind.Tiles)
                throw new VaeModelException("This is a sprite model; tile-level generation needs a model trained with --kind tiles.");
            if (model.Contract.IsConditional)
                throw new VaeModelException("Conditional tile models are not supported by level generation.");
        }
    }
}
