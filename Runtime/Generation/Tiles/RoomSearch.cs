using System;
using VaeProcgen.Generation.Playability;

namespace VaeProcgen.Generation.Tiles
{
    /// <summary>
    /// Checked generation of single-screen rooms: batches of candidate latents from the prior are decoded to tiles
    /// (most likely tile, or sampled at the temperature); each room gets exactly one start (the first existing start tile
    /// that makes the room playable, else the first standable empty cell, bottom row first, that does; other start tiles
    /// become their cell's most likely non-start tile); of the batch's rooms that pass the check (with at least one pickup
    /// when a ladder-and-rope legend has pickups), the one whose open cells the player can reach the most is the result
    /// (the first playable room was often one the player could not leave: a start on a floor with nothing else in reach). With <see cref="LevelGenerationOptions.ObjectCounts"/> a playable room
    /// first gets its object tiles by count (<see cref="ObjectPlacement"/>).
    /// </summary>
    internal sealed class RoomSearch
    {
        private const int MaxStartTries = 12;

        /// <summary>Mixed into the seed of the object placement's random numbers, so they do not share the latents' sequence.</summary>
        internal const long ObjectSeedSalt = 0x0B1EC7;

        private readonly Func<float[], float[]> decode;
        private readonly int latentSize, tiles, height, width;
        private readonly LevelGenerationOptions options;
        private readonly DeterministicRandom random, objectRandom;

        public RoomSearch(Func<float[], float[]> decode, int latentSize, int tiles, int height, int width, long seed, LevelGenerationOptions options)
        {
            this.decode = decode;
            this.latentSize = latentSize;
            this.tiles = tiles;
            this.height = height;
            this.width = width;
            this.options = options;
            random = new DeterministicRandom(seed);
            objectRandom = new DeterministicRandom(unchecked(seed ^ ObjectSeedSalt));
        }

        public LevelGenerationResult Run()
        {
            int k = options.CandidatesPerSegment, plane = height * width, windowSize = tiles * plane;
            PlayabilityChecker? checker = options.Playability;
            TileGrid? fallback = null;
            float[]? fallbackProbabilities = null;
            PlayabilityResult? fallbackCheck = null;
            var latents = new float[k * latentSize];
            var one = new float[latentSize];
            int batches = 0;
            while (batches < Math.Max(1, options.MaxDecodeBatches))
            {
                batches++;
                for (int c = 0; c < k; c++)
                {
                    if (options.LatentPrior != null) options.LatentPrior.Sample(unchecked((long)random.NextUInt64()), one, -1, options.PriorSpread);
                    else for (int i = 0; i < latentSize; i++) one[i] = (float)random.NextNormal();
                    Array.Copy(one, 0, latents, c * latentSize, latentSize);
                }
                float[] output = decode(latents) ?? throw new InvalidOperationException("The decoder returned null.");
                if (output.Length != k * windowSize)
                    throw new InvalidOperationException($"The decoder returned {output.Length} values for {k} latents; expected {windowSize * k}.");
                TileGrid? best = null;
                float[]? bestProbabilities = null;
                PlayabilityResult? bestCheck = null;
                double bestCoverage = -1;
                for (int c = 0; c < k; c++)
                {
                    var probabilities = new float[windowSize];
                    Array.Copy(output, c * windowSize, probabilities, 0, windowSize);
                    TileGrid decoded = TileDecoding.Sample(probabilities, tiles, height, width, options.Temperature, random);
                    if (checker == null) return new LevelGenerationResult(decoded, probabilities, null, null, batches);
                    var (room, check) = WithOneStart(decoded, probabilities, checker);
                    if (check.Playable && options.ObjectCounts != null) (room, check) = WithObjects(room, check, probabilities, checker, options.ObjectCounts, objectRandom);
                    bool hasPickups = check.PickupsTotal > 0 || checker.Profile.Kind != MovementKind.LadderAndRope || !LegendHasPickups(checker.Roles);
                    if (check.Playable && hasPickups)
                    {
                        double coverage = Coverage(room, checker);
                        if (coverage > bestCoverage)
                        {
                            best = room;
                            bestProbabilities = probabilities;
                            bestCheck = check;
                            bestCoverage = coverage;
                        }
                        continue;
                    }
                    if (fallback == null || check.Progress > fallbackCheck!.Progress)
                    {
                        fallback = room;
                        fallbackProbabilities = probabilities;
                        fallbackCheck = check;
                    }
                }
                if (best != null) return new LevelGenerationResult(best, bestProbabilities!, null, bestCheck, batches);
            }
            if (fallbackCheck!.Playable) fallbackCheck = PlayabilityResult.Failed(fallbackCheck, "The room has no pickups, so there is nothing to collect.");
            return new LevelGenerationResult(fallback!, fallbackProbabilities!, null, fallbackCheck, batches);
        }

        /// <summary>The level with its object tiles placed by count (<see cref="ObjectPlacement"/>), when it stays playable; else the level as it was.</summary>
        internal static (TileGrid Grid, PlayabilityResult Check) WithObjects(TileGrid grid, PlayabilityResult check, float[] probabilities, PlayabilityChecker checker,
            TileCountTable counts, DeterministicRandom random)
        {
            var (placed, count) = ObjectPlacement.Place(grid, probabilities, counts, checker, random);
            if (count == 0) return (grid, check);
            PlayabilityResult after = checker.Check(placed);
            return after.Playable ? (placed, after) : (grid, check);
        }

        /// <summary>Fraction of the room's non-solid cells the player can reach: of a batch's playable rooms the one the player can explore most wins.</summary>
        private static double Coverage(TileGrid room, PlayabilityChecker checker)
        {
            checker.Check(room);
            int open = 0, reached = 0;
            ReadOnlySpan<int> cells = room.Cells;
            for (int i = 0; i < cells.Length; i++)
            {
                if (checker.Roles.IsSolid(cells[i])) continue;
                open++;
                if (checker.Reached(i)) reached++;
            }
            return open == 0 ? 0 : reached / (double)open;
        }

        private static bool LegendHasPickups(TileRoles roles)
        {
            for (int t = 0; t < roles.TileCount; t++) if (roles.IsPickup(t)) return true;
            return false;
        }

        /// <summary>The room with exactly one start (when the legend has a start tile) and its check.</summary>
        private (TileGrid Room, PlayabilityResult Check) WithOneStart(TileGrid decoded, float[] probabilities, PlayabilityChecker checker)
        {
            TileRoles roles = checker.Roles;
            int spawn = -1;
            for (int t = 0; t < roles.TileCount && spawn < 0; t++) if (roles.IsSpawn(t)) spawn = t;
            if (spawn < 0) return (decoded, checker.Check(decoded));
            int[] cells = decoded.ToArray();
            int plane = height * width;
            for (int i = 0; i < plane; i++)
                if (cells[i] == spawn) cells[i] = MostLikelyExcept(probabilities, i, plane, spawn);
            int[] original = decoded.ToArray();
            PlayabilityResult? best = null;
            TileGrid? bestRoom = null;
            int tries = 0;
            for (int pass = 0; pass < 2 && tries < MaxStartTries; pass++)
            {
                for (int r = height - 1; r >= 0 && tries < MaxStartTries; r--)
                {
                    for (int c = 0; c < width && tries < MaxStartTries; c++)
                    {
                        int i = r * width + c;
                        bool candidate = pass == 0 ? original[i] == spawn : CanStart(cells, r, c, roles);
                        if (!candidate) continue;
                        tries++;
                        int keep = cells[i];
                        cells[i] = spawn;
                        TileGrid room = new TileGrid(height, width, cells);
                        PlayabilityResult check = checker.Check(room);
                        cells[i] = keep;
                        if (best == null || check.Progress > best.Progress)
                        {
                            best = check;
                            bestRoom = room;
                        }
                        if (check.Playable) return (room, check);
                    }
                }
            }
            if (bestRoom == null)
            {
                var none = new TileGrid(height, width, cells);
                return (none, checker.Check(none));
            }
            return (bestRoom, best!);
        }

        private bool CanStart(int[] cells, int r, int c, TileRoles roles)
        {
            int tile = cells[r * width + c];
            if (roles.IsSolid(tile) || roles.IsPickup(tile) || roles.IsClimbable(tile) || tile != roles.EmptyTile) return false;
            return r == height - 1 || roles.IsStandable(cells[(r + 1) * width + c]);
        }

        private int MostLikelyExcept(float[] probabilities, int cell, int plane, int excluded)
        {
            int best = excluded == 0 ? 1 : 0;
            for (int t = 0; t < tiles; t++)
                if (t != excluded && probabilities[t * plane + cell] > probabilities[best * plane + cell]) best = t;
            return best;
        }
    }
}
