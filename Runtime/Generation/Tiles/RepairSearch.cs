using System;
using System.Collections.Generic;

namespace VaeProcgen.Generation.Tiles
{
    /// <summary>
    /// The beam search of <see cref="LevelRepair"/> on flat, reusable buffers: a beam state is one column of alphabet
    /// indices (a byte per row) with its parent in the previous layer, its changed-cell count and its negative
    /// log-likelihood. Candidates of the next column are merged by content through an open-addressing hash table
    /// (the best one per column wins, the first inserted on a tie), sorted by (changes, negative log-likelihood,
    /// rows in order) and cut to the beam width. The per-cell costs of a column are computed once for all beam states,
    /// and the dynamic programme visits only the transitions that form seen windows (a few per cell for real tile sets,
    /// instead of every tile pair), in the same ascending order, so ties resolve as in a full scan.
    /// One instance per thread (see <see cref="LevelRepair"/>); after the first level of a size it allocates only the result.
    /// </summary>
    internal sealed class RepairSearch : IComparer<int>
    {
        private const int Infeasible = int.MaxValue;

        private PatternTable table = null!;
        private int[] cells = Array.Empty<int>();
        private float[]? probabilities;
        private int height, width, size, capacity;

        // Layers: state s of column c lives at c * capacity + s (columns at that index times height).
        private byte[] layerColumns = Array.Empty<byte>();
        private int[] layerParent = Array.Empty<int>(), layerChanges = Array.Empty<int>(), layerCount = Array.Empty<int>();
        private double[] layerNll = Array.Empty<double>();

        // Candidates of the column being built, merged by content.
        private byte[] candidateColumns = Array.Empty<byte>();
        private int[] candidateParent = Array.Empty<int>(), candidateChanges = Array.Empty<int>(), order = Array.Empty<int>();
        private double[] candidateNll = Array.Empty<double>();
        private int[] slots = Array.Empty<int>(), slotStamp = Array.Empty<int>();
        private int stamp, candidates;

        // Dynamic programme down one column, and the column's per-cell costs.
        private int[] changes = Array.Empty<int>(), back = Array.Empty<int>(), cellChange = Array.Empty<int>();
        private double[] nll = Array.Empty<double>(), cellCost = Array.Empty<double>();
        private byte[] scratch = Array.Empty<byte>();

        // Visiting order of a layer's states (by their rows).
        private int[] visit = Array.Empty<int>();
        private readonly IComparer<int> rowOrder;

        public RepairSearch() => rowOrder = new RowOrder(this);

        /// <summary>Sets the problem: the grid to repair, the pattern tables and the optional planar probabilities.</summary>
        public void Prepare(TileGrid grid, PatternTable patterns, float[]? tileProbabilities)
        {
            table = patterns;
            probabilities = tileProbabilities;
            height = grid.Height;
            width = grid.Width;
            size = patterns.Size;
            cells = Ensure(cells, height * width);
            grid.Cells.CopyTo(cells);
            changes = Ensure(changes, height * size);
            back = Ensure(back, height * size);
            nll = Ensure(nll, height * size);
            cellChange = Ensure(cellChange, height * size);
            cellCost = Ensure(cellCost, height * size);
            scratch = Ensure(scratch, height);
            layerCount = Ensure(layerCount, width);
        }

        /// <summary>Runs the beam search with the given width; null when the beam dies out.</summary>
        public TileGrid? Search(int beamWidth)
        {
            Reserve(beamWidth);
            for (int column = 0; column < width; column++)
            {
                BeginCandidates();
                ColumnCosts(column);
                if (column == 0) Extend(-1, -1, 1);
                else ExtendLayer(column - 1);
                if (candidates == 0) return null;
                KeepBest(column, beamWidth);
            }
            var repaired = new int[height * width];
            int index = 0;
            for (int column = width - 1; column >= 0; column--)
            {
                int state = column * capacity + index;
                for (int row = 0; row < height; row++) repaired[row * width + column] = table.Alphabet[layerColumns[state * height + row]];
                index = layerParent[state];
            }
            return TileGrid.Wrap(height, width, repaired);
        }

        private void Reserve(int beamWidth)
        {
            capacity = beamWidth;
            int states = width * beamWidth;
            layerColumns = Ensure(layerColumns, states * height);
            layerParent = Ensure(layerParent, states);
            layerChanges = Ensure(layerChanges, states);
            layerNll = Ensure(layerNll, states);
            int most = beamWidth * Math.Max(size, 1);
            candidateColumns = Ensure(candidateColumns, most * height);
            candidateParent = Ensure(candidateParent, most);
            candidateChanges = Ensure(candidateChanges, most);
            candidateNll = Ensure(candidateNll, most);
            order = Ensure(order, most);
            visit = Ensure(visit, beamWidth);
            int tableSize = 1;
            while (tableSize < 2 * most) tableSize <<= 1;
            if (slots.Length < tableSize)
            {
                slots = new int[tableSize];
                slotStamp = new int[tableSize];
                stamp = 0;
            }
        }

        private void BeginCandidates()
        {
            candidates = 0;
            if (++stamp == int.MaxValue)
            {
                Array.Clear(slotStamp, 0, slotStamp.Length);
                stamp = 1;
            }
        }

        private void ColumnCosts(int column)
        {
            int plane = height * width;
            for (int row = 0; row < height; row++)
            {
                int current = cells[row * width + column];
                for (int x = 0; x < size; x++)
                {
                    int tile = table.Alphabet[x];
                    cellChange[row * size + x] = current == tile ? 0 : 1;
                    double cost = 0;
                    if (probabilities != null)
                    {
                        if (tile * plane >= probabilities.Length) cost = 30;
                        else
                        {
                            double p = probabilities[tile * plane + row * width + column];
                            cost = p > 1e-13 ? -Math.Log(p) : 30;
                        }
                    }
                    cellCost[row * size + x] = cost;
                }
            }
        }

        /// <summary>
        /// Extends every state of a layer. The states are visited in the order of their columns' rows, so consecutive
        /// ones share their top rows, and the dynamic programme's rows that depend only on those shared rows are kept
        /// from the previous state instead of being recomputed; ties between equal candidates go to the lower parent
        /// index (see <see cref="Offer"/>), so the visiting order does not change the result.
        /// </summary>
        private void ExtendLayer(int layer)
        {
            int count = layerCount[layer], first = layer * capacity;
            for (int i = 0; i < count; i++) visit[i] = first + i;
            Array.Sort(visit, 0, count, rowOrder);
            int last = -1;
            for (int i = 0; i < count; i++)
            {
                int state = visit[i];
                int shared = last < 0 ? 0 : SharedRows(last, state);
                Extend(state, state - first, Math.Max(1, shared));
                last = state;
            }
        }

        private int SharedRows(int a, int b)
        {
            int at = a * height, bt = b * height, row = 0;
            while (row < height && layerColumns[at + row] == layerColumns[bt + row]) row++;
            return row;
        }

        /// <summary>For each bottom tile, the best column below the previous state (exact, by dynamic programming down the rows), added to the candidates.</summary>
        /// <remarks>Rows of the programme above <paramref name="startRow"/> must already hold this state's values (they depend only on rows the previous call shared).</remarks>
        private void Extend(int previous, int parent, int startRow)
        {
            int n = size;
            int[] changes = this.changes, back = this.back, cellChange = this.cellChange;
            double[] nll = this.nll, cellCost = this.cellCost;
            for (int x = 0; x < n; x++)
            {
                changes[x] = cellChange[x];
                nll[x] = cellCost[x];
            }
            bool first = previous < 0;
            int[] starts = first ? table.TopStart : table.TopRightStart, lists = first ? table.Tops : table.TopRights;
            int prevBase = previous * height;
            for (int row = startRow; row < height; row++)
            {
                int key = first ? 0 : (layerColumns[prevBase + row - 1] * n + layerColumns[prevBase + row]) * n;
                int aboveRow = (row - 1) * n, at = row * n;
                for (int x = 0; x < n; x++, at++)
                {
                    int bestChanges = Infeasible;
                    double bestNll = 0;
                    int bestY = -1;
                    for (int i = starts[key + x], end = starts[key + x + 1]; i < end; i++)
                    {
                        int y = lists[i];
                        int aboveChanges = changes[aboveRow + y];
                        if (aboveChanges == Infeasible) continue;
                        double aboveNll = nll[aboveRow + y];
                        if (aboveChanges < bestChanges || (aboveChanges == bestChanges && aboveNll < bestNll))
                        {
                            bestChanges = aboveChanges;
                            bestNll = aboveNll;
                            bestY = y;
                        }
                    }
                    if (bestY < 0)
                    {
                        changes[at] = Infeasible;
                        continue;
                    }
                    changes[at] = bestChanges + cellChange[at];
                    nll[at] = bestNll + cellCost[at];
                    back[at] = bestY;
                }
            }
            int last = (height - 1) * size;
            int previousChanges = previous < 0 ? 0 : layerChanges[previous];
            double previousNll = previous < 0 ? 0 : layerNll[previous];
            for (int x = 0; x < size; x++)
            {
                if (changes[last + x] == Infeasible) continue;
                int tile = x;
                for (int row = height - 1; row >= 0; row--)
                {
                    scratch[row] = (byte)tile;
                    if (row > 0) tile = back[row * size + tile];
                }
                Offer(parent, changes[last + x] + previousChanges, nll[last + x] + previousNll);
            }
        }

        /// <summary>
        /// Adds the column in <see cref="scratch"/> as a candidate, or replaces an equal column's candidate when better
        /// (fewer changes, then lower negative log-likelihood, then a lower parent index).
        /// </summary>
        private void Offer(int parent, int totalChanges, double totalNll)
        {
            uint hash = 2166136261;
            for (int row = 0; row < height; row++) hash = (hash ^ scratch[row]) * 16777619;
            int mask = slots.Length - 1;
            for (int slot = (int)(hash & (uint)mask); ; slot = (slot + 1) & mask)
            {
                if (slotStamp[slot] != stamp)
                {
                    int c = candidates++;
                    slotStamp[slot] = stamp;
                    slots[slot] = c;
                    Buffer.BlockCopy(scratch, 0, candidateColumns, c * height, height);
                    Set(c, parent, totalChanges, totalNll);
                    return;
                }
                int existing = slots[slot];
                if (!SameColumn(existing)) continue;
                int byChanges = totalChanges.CompareTo(candidateChanges[existing]);
                int byNll = totalNll.CompareTo(candidateNll[existing]);
                if (byChanges < 0 || (byChanges == 0 && (byNll < 0 || (byNll == 0 && parent < candidateParent[existing]))))
                    Set(existing, parent, totalChanges, totalNll);
                return;
            }
        }

        private bool SameColumn(int candidate)
        {
            int at = candidate * height;
            for (int row = 0; row < height; row++) if (candidateColumns[at + row] != scratch[row]) return false;
            return true;
        }

        private void Set(int c, int parent, int totalChanges, double totalNll)
        {
            candidateParent[c] = parent;
            candidateChanges[c] = totalChanges;
            candidateNll[c] = totalNll;
        }

        private void KeepBest(int column, int beamWidth)
        {
            for (int i = 0; i < candidates; i++) order[i] = i;
            Array.Sort(order, 0, candidates, this);
            int kept = Math.Min(candidates, beamWidth);
            layerCount[column] = kept;
            for (int i = 0; i < kept; i++)
            {
                int from = order[i], to = column * capacity + i;
                Buffer.BlockCopy(candidateColumns, from * height, layerColumns, to * height, height);
                layerParent[to] = candidateParent[from];
                layerChanges[to] = candidateChanges[from];
                layerNll[to] = candidateNll[from];
            }
        }

        /// <summary>Orders candidates by changed cells, then negative log-likelihood, then their rows' alphabet indices in order.</summary>
        public int Compare(int a, int b)
        {
            int byChanges = candidateChanges[a].CompareTo(candidateChanges[b]);
            if (byChanges != 0) return byChanges;
            int byLikelihood = candidateNll[a].CompareTo(candidateNll[b]);
            if (byLikelihood != 0) return byLikelihood;
            int at = a * height, bt = b * height;
            for (int row = 0; row < height; row++)
            {
                int byTile = candidateColumns[at + row].CompareTo(candidateColumns[bt + row]);
                if (byTile != 0) return byTile;
            }
            return 0;
        }

        private sealed class RowOrder : IComparer<int>
        {
            private readonly RepairSearch owner;

            public RowOrder(RepairSearch owner) => this.owner = owner;

            public int Compare(int a, int b)
            {
                int shared = owner.SharedRows(a, b);
                return shared == owner.height ? a.CompareTo(b) : owner.layerColumns[a * owner.height + shared].CompareTo(owner.layerColumns[b * owner.height + shared]);
            }
        }

        private static T[] Ensure<T>(T[] buffer, int length) => buffer.Length >= length ? buffer : new T[length];
    }
}
