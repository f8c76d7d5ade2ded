using System;
using System.Collections.Generic;

namespace VaeProcgen.Generation.Tiles
{
    /// <summary>
    /// Rewrites as few cells as it can so that every 2x2 window of a grid is a pattern seen in training.
    /// <para>
    /// Design: a beam search over columns, left to right. A state is a whole column (plus its history). Given the
    /// previous column, the best next column for each possible bottom tile is found exactly by dynamic programming
    /// down the rows (a transition row r-1 → r is allowed only when the 2x2 window formed with the previous column
    /// is seen); the first column only needs each vertical pair to be the left column of some seen pattern.
    /// States are ranked by (changed cells, then negative log-likelihood of the chosen tiles under the optional
    /// probabilities), equal columns are merged keeping the best history (Viterbi), and the best
    /// <c>beamWidth</c> survive. If the beam dies out the search restarts with a four times wider beam (up to 256);
    /// if that also fails the input is returned with <see cref="LevelRepairResult.Succeeded"/> false.
    /// Cost is about width * beam * height * tiles² table look-ups, so a 14 x 200 level takes milliseconds.
    /// Fully deterministic (ties are broken by tile order).
    /// </para>
    /// </summary>
    internal static class LevelRepair
    {
        private const int MaxBeamWidth = 256;
        private const int MaxAlphabet = 64;

        /// <summary>
        /// Repairs <paramref name="grid"/> against the 2x2 patterns in <paramref name="seenPatterns"/> (whose pattern size must be 2).
        /// <paramref name="probabilities"/>, when given, are planar [tiles, grid.Height, grid.Width] and break ties between
        /// equally short repairs in favour of likely tiles.
        /// </summary>
        public static LevelRepairResult Repair(TileGrid grid, TilePatternSet seenPatterns, float[]? probabilities = null, int beamWidth = 16)
        {
            if (grid == null) throw new ArgumentNullException(nameof(grid));
            if (seenPatterns == null) throw new ArgumentNullException(nameof(seenPatterns));
            if (seenPatterns.PatternSize != 2) throw new ArgumentException("Repair needs a set of 2x2 patterns.", nameof(seenPatterns));
            if (beamWidth <= 0) throw new ArgumentOutOfRangeException(nameof(beamWidth), "Beam width must be positive.");
            int plane = grid.Height * grid.Width;
            if (probabilities != null && (probabilities.Length == 0 || probabilities.Length % plane != 0))
                throw new ArgumentException($"Probabilities must be planar [tiles, {grid.Height}, {grid.Width}].", nameof(probabilities));

            int unseenBefore = seenPatterns.CountUnseen(grid);
            if (unseenBefore == 0 || seenPatterns.Count == 0) return new LevelRepairResult(grid, 0, unseenBefore, unseenBefore);

            var problem = new RepairProblem(grid, seenPatterns, probabilities);
            for (int width = beamWidth; ; width = Math.Min(width * 4, MaxBeamWidth))
            {
                TileGrid? repaired = problem.Search(width);
                if (repaired != null)
                {
                    int after = seenPatterns.CountUnseen(repaired);
                    return new LevelRepairResult(repaired, grid.CountDifferences(repaired), unseenBefore, after);
                }
                if (width >= MaxBeamWidth) return new LevelRepairResult(grid, 0, unseenBefore, unseenBefore);
            }
        }

        private sealed class BeamState
        {
            public BeamState(int[] column, int parent, int changes, double negativeLogLikelihood, string key)
            {
                Column = column;
                Parent = parent;
                Changes = changes;
                NegativeLogLikelihood = negativeLogLikelihood;
                Key = key;
            }

            public int[] Column { get; }
            public int Parent { get; }
            public int Changes { get; }
            public double NegativeLogLikelihood { get; }
            public string Key { get; }

            public static int Compare(BeamState a, BeamState b)
            {
                int byChanges = a.Changes.CompareTo(b.Changes);
                if (byChanges != 0) return byChanges;
                int byLikelihood = a.NegativeLogLikelihood.CompareTo(b.NegativeLogLikelihood);
                return byLikelihood != 0 ? byLikelihood : string.CompareOrdinal(a.Key, b.Key);
            }
        }

        private sealed class RepairProblem
        {
            private readonly TileGrid grid;
            private readonly float[]? probabilities;
            private readonly int[] alphabet;
            private readonly int size;
            private readonly bool[] allowed;
            private readonly bool[] leftPairAllowed;
            private readonly int height;
            private readonly int width;

            public RepairProblem(TileGrid grid, TilePatternSet patterns, float[]? probabilities)
            {
                this.grid = grid;
                this.probabilities = probabilities;
                height = grid.Height;
                width = grid.Width;
                alphabet = new List<int>(patterns.Tiles).ToArray();
                size = alphabet.Length;
                if (size > MaxAlphabet) throw new ArgumentException($"Repair supports at most {MaxAlphabet} distinct tiles.", nameof(patterns));
                var position = new Dictionary<int, int>();
                for (int i = 0; i < size; i++) position[alphabet[i]] = i;
                allowed = new bool[size * size * size * size];
                leftPairAllowed = new bool[size * size];
                foreach (string key in patterns.PatternKeys)
                {
                    int topLeft = position[key[0]], topRight = position[key[1]], bottomLeft = position[key[2]], bottomRight = position[key[3]];
                    allowed[((topLeft * size + topRight) * size + bottomLeft) * size + bottomRight] = true;
                    leftPairAllowed[topLeft * size + bottomLeft] = true;
                }
            }

            public TileGrid? Search(int beamWidth)
            {
                var layers = new List<BeamState[]>(width);
                BeamState[] beam = Extend(null, 0);
                for (int column = 0; ; column++)
                {
                    if (beam.Length == 0) return null;
                    if (beam.Length > beamWidth) Array.Resize(ref beam, beamWidth);
                    layers.Add(beam);
                    if (column == width - 1) break;
                    var candidates = new Dictionary<string, BeamState>(StringComparer.Ordinal);
                    for (int i = 0; i < beam.Length; i++)
                    {
                        foreach (BeamState next in Extend(beam[i], column + 1, i))
                        {
                            if (!candidates.TryGetValue(next.Key, out BeamState? existing) || BeamState.Compare(next, existing) < 0)
                                candidates[next.Key] = next;
                        }
                    }
                    beam = new BeamState[candidates.Count];
                    candidates.Values.CopyTo(beam, 0);
                    Array.Sort(beam, BeamState.Compare);
                }

                var cells = new int[height * width];
                int index = 0;
                for (int column = width - 1; column >= 0; column--)
                {
                    BeamState state = layers[column][index];
                    for (int row = 0; row < height; row++) cells[row * width + column] = alphabet[state.Column[row]];
                    index = state.Parent;
                }
                return TileGrid.Wrap(height, width, cells);
            }

            private BeamState[] Extend(BeamState? previous, int column, int parent = -1)
            {
                // changes[row, tile] / nll[row, tile]: best cost of rows 0..row with tile at row; back = tile at row-1.
                var changes = new int[height * size];
                var nll = new double[height * size];
                var back = new int[height * size];
                const int Infeasible = int.MaxValue;
                for (int x = 0; x < size; x++)
                {
                    changes[x] = CellChange(0, column, x);
                    nll[x] = CellCost(0, column, x);
                }
                int[]? prev = previous?.Column;
                for (int row = 1; row < height; row++)
                {
                    for (int x = 0; x < size; x++)
                    {
                        int bestChanges = Infeasible;
                        double bestNll = 0;
                        int bestY = -1;
                        for (int y = 0; y < size; y++)
                        {
                            int above = changes[(row - 1) * size + y];
                            if (above == Infeasible) continue;
                            bool ok = prev == null
                                ? leftPairAllowed[y * size + x]
                                : allowed[((prev[row - 1] * size + y) * size + prev[row]) * size + x];
                            if (!ok) continue;
                            double aboveNll = nll[(row - 1) * size + y];
                            if (above < bestChanges || (above == bestChanges && aboveNll < bestNll))
                            {
                                bestChanges = above;
                                bestNll = aboveNll;
                                bestY = y;
                            }
                        }
                        int at = row * size + x;
                        if (bestY < 0)
                        {
                            changes[at] = Infeasible;
                            continue;
                        }
                        changes[at] = bestChanges + CellChange(row, column, x);
                        nll[at] = bestNll + CellCost(row, column, x);
                        back[at] = bestY;
                    }
                }

                var result = new List<BeamState>(size);
                int last = (height - 1) * size;
                for (int x = 0; x < size; x++)
                {
                    if (changes[last + x] == Infeasible) continue;
                    var tiles = new int[height];
                    var key = new char[height];
                    int tile = x;
                    for (int row = height - 1; row >= 0; row--)
                    {
                        tiles[row] = tile;
                        key[row] = (char)tile;
                        if (row > 0) tile = back[row * size + tile];
                    }
                    int totalChanges = changes[last + x] + (previous?.Changes ?? 0);
                    double totalNll = nll[last + x] + (previous?.NegativeLogLikelihood ?? 0);
                    result.Add(new BeamState(tiles, parent, totalChanges, totalNll, new string(key)));
                }
                if (previous == null) result.Sort(BeamState.Compare);
                return result.ToArray();
            }

            private int CellChange(int row, int column, int alphabetIndex) => grid[row, column] == alphabet[alphabetIndex] ? 0 : 1;

            private double CellCost(int row, int column, int alphabetIndex)
            {
                if (probabilities == null) return 0;
                int plane = height * width;
                int tile = alphabet[alphabetIndex];
                if (tile * plane >= probabilities.Length) return 30;
                double p = probabilities[tile * plane + row * width + column];
                return p > 1e-13 ? -Math.Log(p) : 30;
            }
        }
    }
}
