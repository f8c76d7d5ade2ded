using System;
using VaeProcgen.Contract;
using VaeProcgen.Generation.Playability;

namespace VaeProcgen.Generation.Tiles
{
    /// <summary>
    /// Tile-level generation on a loaded tiles <see cref="VaeModel"/> (any backend): decode one latent into a window,
    /// or stitch a whole level of decoded windows (seams blended, optionally repaired and checked playable) using the
    /// model's decoder. Every method needs an unconditional tiles model and throws <see cref="VaeModelKindException"/>
    /// otherwise.
    /// </summary>
    public static class TileModelExtensions
    {
        /// <summary>
        /// Decodes one latent [K] into a window of tiles: the most likely tile per cell when
        /// <paramref name="temperature"/> is 0, otherwise a sample of P(t) ∝ p(t)^(1/temperature) seeded by <paramref name="seed"/>.
        /// </summary>
        /// <param name="model">An unconditional tiles model.</param>
        /// <param name="latent">One latent of <see cref="VaeModel.LatentSize"/> finite values (e.g. <see cref="VaeModel.SampleLatent(long, int)"/>).</param>
        /// <param name="temperature">0 for the most likely tile per cell; above 0 to sample (1 = the model's probabilities).</param>
        /// <param name="seed">Seed of the tile sampling (ignored at temperature 0).</param>
        /// <returns>The window, <see cref="ModelContract.Height"/> x <see cref="ModelContract.Width"/> legend indices.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
        /// <exception cref="VaeModelKindException">The model is a sprite model or conditional.</exception>
        /// <exception cref="ArgumentException"><paramref name="latent"/> is not one finite latent.</exception>
        /// <exception cref="ObjectDisposedException">The model was disposed.</exception>
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
        /// Generates a level of <paramref name="segments"/> windows stitched in the direction of the model's layout
        /// (left to right for side-scrolling levels); same model, seed and options, same level on every platform and backend.
        /// </summary>
        /// <param name="model">An unconditional tiles model.</param>
        /// <param name="seed">Any seed; it picks the latents (and tile samples at a temperature above 0).</param>
        /// <param name="segments">Number of windows (at least 1).</param>
        /// <param name="options">Null for <see cref="LevelOptions"/> with repair and the playability check on.</param>
        /// <returns>The level as legend indices (<see cref="TileGrid.ToVglcText"/> writes it as VGLC text).</returns>
        /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
        /// <exception cref="VaeModelKindException">The model is a sprite model or conditional.</exception>
        /// <exception cref="VaeModelException">Null options and the model was exported without its 2x2 tile patterns (needed by repair).</exception>
        /// <exception cref="LevelGenerationException">The options check playability and no playable level was found within
        /// <see cref="LevelGenerationOptions.MaxDecodeBatches"/>.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="segments"/> or an option is out of range.</exception>
        /// <exception cref="ObjectDisposedException">The model was disposed.</exception>
        public static TileGrid GenerateLevel(this VaeModel model, long seed, int segments, LevelGenerationOptions? options = null) =>
            LevelGenerator.RequirePlayable(model.GenerateLevelDetailed(seed, segments, options)).Grid;

        /// <summary>As <see cref="GenerateLevel"/>, also returning the stitched probabilities, the repair and the check; never throws for an unplayable level.</summary>
        /// <param name="model">An unconditional tiles model.</param>
        /// <param name="seed">Any seed; it picks the latents (and tile samples at a temperature above 0).</param>
        /// <param name="segments">Number of windows (at least 1).</param>
        /// <param name="options">Null for <see cref="LevelOptions"/> with repair and the playability check on.</param>
        /// <returns>The level with its probabilities, repair report and playability result (<see cref="LevelGenerationResult.IsPlayable"/>).</returns>
        /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
        /// <exception cref="VaeModelKindException">The model is a sprite model or conditional.</exception>
        /// <exception cref="VaeModelException">Null options and the model was exported without its 2x2 tile patterns (needed by repair).</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="segments"/> or an option is out of range.</exception>
        /// <exception cref="ObjectDisposedException">The model was disposed.</exception>
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
        /// temperature, the contract's level layout, <see cref="StripCandidates"/> or <see cref="RoomCandidates"/> candidates, latents from the model's fitted prior when it has one (see
        /// <see cref="VaeModel.FittedPrior"/>), the playability check of <see cref="TileModelExtensions.PlayabilityChecker(VaeModel, MovementProfile)"/> when
        /// <paramref name="checkPlayability"/> is true, and repair against the contract's 2x2 training patterns when
        /// <paramref name="repair"/> is true; for rooms with the check, object tiles (gold, enemies, keys) are placed by the
        /// training levels' counts when the contract has them (<see cref="LevelGenerationOptions.ObjectCounts"/>; set it for
        /// strip levels too to give them the originals' enemy and coin counts).
        /// </summary>
        /// <param name="model">An unconditional tiles model.</param>
        /// <param name="repair">Repair every window so it has only 2x2 patterns seen in training.</param>
        /// <param name="temperature">0 for the most likely tile per cell; above 0 to sample tiles.</param>
        /// <param name="checkPlayability">Check every segment with the model's playability checker and search on when it fails.</param>
        /// <returns>New options; change any property before passing them to <see cref="GenerateLevel"/>.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
        /// <exception cref="VaeModelKindException">The model is a sprite model or conditional.</exception>
        /// <exception cref="VaeModelException"><paramref name="repair"/> is true and the model was exported without its 2x2 tile patterns.</exception>
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
                CandidatesPerSegment = model.Contract.LevelLayout == LevelLayout.Room ? RoomCandidates : StripCandidates,
                LatentPrior = model.FittedPrior,
                Playability = checkPlayability ? model.PlayabilityChecker() : null,
                ObjectCounts = checkPlayability && model.Contract.LevelLayout == LevelLayout.Room ? model.Contract.TileCounts : null,
            };
        }

        /// <summary>
        /// Candidates per segment of stitched levels in <see cref="LevelOptions"/>: 4 halves the decoding of 8 (a checked
        /// 220-column Mario level: median 36 instead of 63 ms) with all 30 test levels still playable and the tile-pattern
        /// KL inside the human range (docs/LEVELS.md).
        /// </summary>
        public const int StripCandidates = 4;

        /// <summary>Candidate rooms per batch in <see cref="LevelOptions"/>: the most explorable playable one wins, and 8 keep Lode Runner's gold count (4 gave 15 instead of 19.6 per room).</summary>
        public const int RoomCandidates = 8;

        /// <summary>
        /// A playability checker for this model's levels: tile roles from the contract's legend tags and the movement
        /// profile of its layout (horizontal: <see cref="MovementProfile.SideScrolling"/>, vertical:
        /// <see cref="MovementProfile.Vertical"/>, room: <see cref="MovementProfile.LadderAndRope"/>, or
        /// <see cref="MovementProfile.TopDown"/> when the legend has doors and no sign of gravity), unless one is given.
        /// </summary>
        /// <param name="model">An unconditional tiles model.</param>
        /// <param name="profile">The movement rules, or null for the default of the model's layout and legend (<see cref="ProfileFor(LevelLayout, TileRoles)"/>).</param>
        /// <returns>A checker for levels of this model's legend.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
        /// <exception cref="VaeModelKindException">The model is a sprite model or conditional.</exception>
        public static PlayabilityChecker PlayabilityChecker(this VaeModel model, MovementProfile? profile = null)
        {
            RequireTiles(model);
            TileRoles roles = TileRoles.FromLegend(model.Contract.TileLegend);
            return new PlayabilityChecker(roles, profile ?? ProfileFor(model.Contract.LevelLayout, roles));
        }

        /// <summary>
        /// The movement profile of a layout and legend: <see cref="MovementProfile.TopDown"/> for rooms whose legend
        /// <see cref="TileRoles.LooksTopDown"/> (doors or stairs, no ladders, ropes or jump-through platforms), else
        /// <see cref="ProfileFor(LevelLayout)"/>.
        /// </summary>
        /// <param name="layout">How the model's windows make a level.</param>
        /// <param name="roles">The tile roles of the model's legend.</param>
        /// <returns>The profile the checker uses when none is given.</returns>
        public static MovementProfile ProfileFor(LevelLayout layout, TileRoles roles)
        {
            if (roles == null) throw new ArgumentNullException(nameof(roles));
            return layout == LevelLayout.Room && roles.LooksTopDown ? MovementProfile.TopDown() : ProfileFor(layout);
        }

        /// <summary>The default movement profile of a layout.</summary>
        /// <param name="layout">How the model's windows make a level (<see cref="ModelContract.LevelLayout"/>).</param>
        /// <returns>Side-scrolling for horizontal levels, vertical for vertical ones, ladders and ropes for rooms.</returns>
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
                throw VaeModelKindException.NeedsKind(model.Contract, ModelKind.Tiles, "tile-level generation (train with --kind tiles)");
            if (model.Contract.IsConditional)
                throw new VaeModelKindException("This tiles model is conditional; level generation needs an unconditional tiles model.", ModelKind.Tiles, true);
        }
    }
}
