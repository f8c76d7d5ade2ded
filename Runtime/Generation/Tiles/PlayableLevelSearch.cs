using System;
using System.Collections.Generic;
using VaeProcgen.Generation.Playability;

namespace VaeProcgen.Generation.Tiles
{
    /// <summary>
    /// Checked generation of strip levels (horizontal and vertical): a depth-first search over segments. Each segment draws
    /// a batch of candidate latents (half one random-walk step from the previous segment's latent, half fresh prior draws),
    /// orders them by how well they continue the previous segment, and keeps the first whose tiles leave the level so far
    /// playable (the player can stand in its last <c>overlap</c> columns, or finish it for the last segment). A segment with
    /// no fitting candidate draws one more batch, then hands back to the previous segment, which tries its next candidate.
    /// Vertical levels are handled as horizontal strips (window row j from the bottom = strip column j, window column i =
    /// strip row i) and turned upright for every check.
    /// </summary>
    internal sealed class PlayableLevelSearch
    {
        private const double MinProbability = 1e-12;
        private const int BatchesPerVisit = 2;

        private readonly Func<float[], float[]> decode;
        private readonly int latentSize, tiles, windowRows, windowColumns;
        private readonly LevelGenerationOptions options;
        private readonly PlayabilityChecker? checker;
        private readonly DeterministicRandom random;
        private readonly long seed;
        private readonly bool vertical;
        private readonly int height, span, overlap, step, segments, totalWidth, windowSize;
        private readonly float[] level;
        private readonly int[] cells;
        private readonly double[] weights;
        private int batches;

        public PlayableLevelSearch(Func<float[], float[]> decode, int latentSize, int tiles, int windowRows, int windowColumns, long seed, int segments,
            LevelGenerationOptions options)
        {
            this.decode = decode;
            this.latentSize = latentSize;
            this.tiles = tiles;
            this.windowRows = windowRows;
            this.windowColumns = windowColumns;
            this.options = options;
            this.segments = segments;
            checker = options.Playability;
            random = new DeterministicRandom(seed);
            this.seed = seed;
            vertical = options.Layout == LevelLayout.Vertical;
            height = vertical ? windowColumns : windowRows;
            span = vertical ? windowRows : windowColumns;
            overlap = options.OverlapColumns;
            if (overlap >= span) throw new ArgumentOutOfRangeException(nameof(options), $"Overlap must be in [0, {span - 1}].");
            step = span - overlap;
            totalWidth = span + (segments - 1) * step;
            windowSize = tiles * windowRows * windowColumns;
            level = new float[tiles * height * totalWidth];
            cells = new int[height * totalWidth];
            weights = new double[tiles];
        }

        /// <summary>Segments of finished searches on this thread, reused by the next search of the same sizes (a segment holds its batch of decoded candidates, the largest buffer of a search).</summary>
        [ThreadStatic] private static Stack<Segment>? spare;

        private Segment NewSegment()
        {
            int k = options.CandidatesPerSegment, decodedSize = tiles * height * span;
            Stack<Segment> pool = spare ??= new Stack<Segment>();
            while (pool.Count > 0)
            {
                Segment reused = pool.Pop();
                if (reused.Fits(k, latentSize, decodedSize, tiles * height * overlap, height * overlap))
                {
                    reused.Reset();
                    return reused;
                }
            }
            return new Segment(k, latentSize, decodedSize, tiles * height * overlap, height * overlap);
        }

        private void Release(Segment? segment)
        {
            if (segment == null) return;
            Stack<Segment> pool = spare ??= new Stack<Segment>();
            if (pool.Count < 2 * segments + 4) pool.Push(segment);
        }

        private sealed class Segment
        {
            public Segment(int candidates, int latentSize, int windowSize, int savedSize, int savedCells)
            {
                Latents = new float[candidates * latentSize];
                Decoded = new float[candidates * windowSize];
                Order = new int[candidates];
                SavedProbabilities = new float[savedSize];
                SavedCells = new int[savedCells];
            }

            public float[] Latents { get; }
            public float[] Decoded { get; }
            public int[] Order { get; }
            public float[] SavedProbabilities { get; }
            public int[] SavedCells { get; }
            public int Next { get; set; }
            public int Rounds { get; set; }
            public int Chosen { get; set; } = -1;

            public bool Fits(int candidates, int latentSize, int windowSize, int savedSize, int savedCells) =>
                Order.Length == candidates && Latents.Length == candidates * latentSize && Decoded.Length == candidates * windowSize
                && SavedProbabilities.Length == savedSize && SavedCells.Length == savedCells;

            public void Reset()
            {
                Next = 0;
                Rounds = 0;
                Chosen = -1;
            }
        }

        public LevelGenerationResult Run()
        {
            int k = options.CandidatesPerSegment;
            var stack = new Segment?[segments];
            PlayabilityResult? last = null;
            int s = 0;
            while (s < segments)
            {
                Segment? segment = stack[s];
                if (segment == null)
                {
                    segment = stack[s] = NewSegment();
                    Save(s, segment);
                    if (!Draw(s, segment, stack, false)) return Finish(stack, s, null);
                }
                bool accepted = false;
                while (!accepted)
                {
                    if (segment.Next >= k)
                    {
                        if ((s > 0 && segment.Rounds >= BatchesPerVisit) || !Draw(s, segment, stack, false)) break;
                        continue;
                    }
                    int candidate = segment.Order[segment.Next++];
                    PlayabilityResult? result = Try(s, segment, candidate);
                    if (result == null || result.Playable)
                    {
                        accepted = true;
                        segment.Chosen = candidate;
                        last = result;
                    }
                    else Restore(s, segment);
                }
                if (accepted)
                {
                    Commit(s, stack[s]!);
                    s++;
                    if (s < segments)
                    {
                        Release(stack[s]);
                        stack[s] = null;
                    }
                    continue;
                }
                if (s == 0 || batches >= options.MaxDecodeBatches) return Finish(stack, s, null);
                Release(stack[s]);
                stack[s] = null;
                s--;
                Restore(s, stack[s]!);
                stack[s]!.Chosen = -1;
            }
            return Finish(stack, segments, last);
        }

        /// <summary>Draws and decodes a batch of candidates for segment s and orders them by continuation likelihood.</summary>
        private bool Draw(int s, Segment segment, Segment?[] stack, bool beyondBudget)
        {
            if (!beyondBudget && batches >= options.MaxDecodeBatches) return false;
            batches++;
            segment.Rounds++;
            segment.Next = 0;
            int k = options.CandidatesPerSegment;
            float[]? previous = s > 0 ? LatentOf(stack[s - 1]!) : null;
            double keep = Math.Sqrt(1 - options.WalkStep * options.WalkStep);
            var one = new float[latentSize];
            for (int c = 0; c < k; c++)
            {
                if (previous != null && c < k / 2)
                {
                    for (int i = 0; i < latentSize; i++) segment.Latents[c * latentSize + i] = (float)(keep * previous[i] + options.WalkStep * random.NextNormal());
                }
                else
                {
                    SampleLatent(one);
                    Array.Copy(one, 0, segment.Latents, c * latentSize, latentSize);
                }
            }
            float[] output = decode(segment.Latents) ?? throw new InvalidOperationException("The decoder returned null.");
            if (output.Length != k * windowSize)
                throw new InvalidOperationException($"The decoder returned {output.Length} values for {k} latents; expected {k * windowSize}.");
            for (int c = 0; c < k; c++) ToStrip(output, c * windowSize, segment.Decoded, c * windowSize);
            var scores = new double[k];
            for (int c = 0; c < k; c++)
            {
                segment.Order[c] = c;
                scores[c] = s == 0 ? 0 : ContinuationLogLikelihood(segment.Decoded, c * windowSize, s * step);
            }
            Array.Sort(scores, segment.Order, Comparer.Instance);
            return true;
        }

        private sealed class Comparer : IComparer<double>
        {
            public static readonly Comparer Instance = new Comparer();
            public int Compare(double a, double b) => b.CompareTo(a);
        }

        private float[] LatentOf(Segment segment)
        {
            var latent = new float[latentSize];
            Array.Copy(segment.Latents, segment.Chosen * latentSize, latent, 0, latentSize);
            return latent;
        }

        private void SampleLatent(float[] destination)
        {
            if (options.LatentPrior != null) options.LatentPrior.Sample(unchecked((long)random.NextUInt64()), destination, -1, options.PriorSpread);
            else for (int i = 0; i < destination.Length; i++) destination[i] = (float)random.NextNormal();
        }

        /// <summary>Copies a decoded window [T, windowRows, windowColumns] into strip orientation [T, height, span].</summary>
        private void ToStrip(float[] source, int sourceOffset, float[] target, int targetOffset)
        {
            if (!vertical)
            {
                Array.Copy(source, sourceOffset, target, targetOffset, windowSize);
                return;
            }
            int plane = windowRows * windowColumns;
            for (int t = 0; t < tiles; t++)
                for (int r = 0; r < windowRows; r++)
                    for (int c = 0; c < windowColumns; c++)
                        target[targetOffset + t * plane + c * span + (windowRows - 1 - r)] = source[sourceOffset + t * plane + r * windowColumns + c];
        }

        /// <summary>Σ log p_candidate(previous tile) over the first max(overlap, 1) columns of the candidate and the last such columns of the level.</summary>
        private double ContinuationLogLikelihood(float[] decoded, int offset, int start)
        {
            int match = Math.Max(overlap, 1);
            int from = start + overlap - match;
            int plane = height * span;
            double total = 0;
            for (int r = 0; r < height; r++)
                for (int j = 0; j < match; j++)
                {
                    int tile = cells[r * totalWidth + from + j];
                    total += Math.Log(Math.Max(decoded[offset + tile * plane + r * span + j + overlap - match], MinProbability));
                }
            return total;
        }

        private void Save(int s, Segment segment)
        {
            int start = s * step;
            for (int t = 0; t < tiles; t++)
                for (int r = 0; r < height; r++)
                    Array.Copy(level, (t * height + r) * totalWidth + start, segment.SavedProbabilities, (t * height + r) * overlap, overlap);
            for (int r = 0; r < height; r++) Array.Copy(cells, r * totalWidth + start, segment.SavedCells, r * overlap, overlap);
        }

        private void Restore(int s, Segment segment)
        {
            int start = s * step;
            for (int t = 0; t < tiles; t++)
                for (int r = 0; r < height; r++)
                    Array.Copy(segment.SavedProbabilities, (t * height + r) * overlap, level, (t * height + r) * totalWidth + start, overlap);
            for (int r = 0; r < height; r++) Array.Copy(segment.SavedCells, r * overlap, cells, r * totalWidth + start, overlap);
        }

        /// <summary>Writes candidate c's tiles into the level (probabilities cross-faded over the overlap) and checks the level so far.</summary>
        private PlayabilityResult? Try(int s, Segment segment, int c)
        {
            Place(s, segment, c, writeProbabilities: false);
            if (checker == null) return null;
            int width = s * step + span;
            int margin = s == segments - 1 ? 0 : Math.Max(overlap, 1);
            return checker.Check(Upright(width), margin);
        }

        private void Commit(int s, Segment segment) => Place(s, segment, segment.Chosen, writeProbabilities: true);

        private void Place(int s, Segment segment, int c, bool writeProbabilities)
        {
            int start = s * step, plane = height * span, offset = c * tiles * plane;
            bool first = s == 0;
            var p = new float[tiles];
            for (int j = 0; j < span; j++)
            {
                int column = start + j;
                float weight = first || j >= overlap ? 1f : (j + 1f) / (overlap + 1f);
                for (int r = 0; r < height; r++)
                {
                    for (int t = 0; t < tiles; t++)
                    {
                        float mine = segment.Decoded[offset + t * plane + r * span + j];
                        int at = (t * height + r) * totalWidth + column;
                        p[t] = weight >= 1f ? mine : (1 - weight) * SavedAt(segment, t, r, j) + weight * mine;
                        if (writeProbabilities) level[at] = p[t];
                    }
                    if (!writeProbabilities) cells[r * totalWidth + column] = Choose(p);
                }
            }
        }

        private float SavedAt(Segment segment, int t, int r, int j) => segment.SavedProbabilities[(t * height + r) * overlap + j];

        /// <summary>The most likely tile, or a sample at the options' temperature.</summary>
        private int Choose(float[] p)
        {
            double temperature = options.Temperature;
            int best = 0;
            for (int t = 1; t < p.Length; t++) if (p[t] > p[best]) best = t;
            if (!(temperature > 0)) return best;
            double maxLog = Math.Log(Math.Max(p[best], MinProbability)) / temperature, total = 0;
            for (int t = 0; t < p.Length; t++)
            {
                weights[t] = p[t] > 0 ? Math.Exp(Math.Log(p[t]) / temperature - maxLog) : 0;
                total += weights[t];
            }
            double target = random.NextDouble() * total, cumulative = 0;
            for (int t = 0; t < p.Length; t++)
            {
                cumulative += weights[t];
                if (target < cumulative && weights[t] > 0) return t;
            }
            return best;
        }

        /// <summary>The first <paramref name="width"/> strip columns as an upright level.</summary>
        private TileGrid Upright(int width)
        {
            if (!vertical)
            {
                var flat = new int[height * width];
                for (int r = 0; r < height; r++) Array.Copy(cells, r * totalWidth, flat, r * width, width);
                return TileGrid.Wrap(height, width, flat);
            }
            var upright = new int[width * height];
            for (int r = 0; r < width; r++)
                for (int c = 0; c < height; c++)
                    upright[r * height + c] = cells[c * totalWidth + (width - 1 - r)];
            return TileGrid.Wrap(width, height, upright);
        }

        /// <summary>The level's probabilities in upright orientation.</summary>
        private float[] UprightProbabilities()
        {
            if (!vertical) return level;
            var result = new float[level.Length];
            for (int t = 0; t < tiles; t++)
                for (int r = 0; r < totalWidth; r++)
                    for (int c = 0; c < height; c++)
                        result[(t * totalWidth + r) * height + c] = level[(t * height + c) * totalWidth + (totalWidth - 1 - r)];
            return result;
        }

        /// <summary>Completes the level (unchecked, most likely continuations) when the search gave up, and builds the result.</summary>
        private LevelGenerationResult Finish(Segment?[] stack, int reached, PlayabilityResult? last)
        {
            for (int s = 0; s < segments; s++)
            {
                Segment? segment = stack[s];
                if (segment != null && segment.Chosen >= 0 && s < reached) continue;
                Release(segment);
                segment = stack[s] = NewSegment();
                Save(s, segment);
                Draw(s, segment, stack, true);
                segment.Chosen = segment.Order[0];
                Place(s, segment, segment.Chosen, writeProbabilities: false);
                Commit(s, segment);
            }
            TileGrid grid = Upright(totalWidth);
            PlayabilityResult? check = last ?? checker?.Check(grid);
            float[] probabilities = UprightProbabilities();
            LevelRepairResult? repair = null;
            if (options.RepairPatterns != null)
            {
                LevelRepairResult repaired = LevelRepair.Repair(grid, options.RepairPatterns, probabilities);
                PlayabilityResult? after = checker?.Check(repaired.Grid);
                if (after == null || after.Playable || !check!.Playable)
                {
                    repair = repaired;
                    grid = repaired.Grid;
                    check = after;
                }
            }
            if (options.ObjectCounts != null && checker != null && check!.Playable)
                (grid, check) = RoomSearch.WithObjects(grid, check, probabilities, checker, options.ObjectCounts, new DeterministicRandom(unchecked(seed ^ RoomSearch.ObjectSeedSalt)));
            for (int s = 0; s < segments; s++)
            {
                Release(stack[s]);
                stack[s] = null;
            }
            return new LevelGenerationResult(grid, probabilities, repair, check, batches);
        }
    }
}
