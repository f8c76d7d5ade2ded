using System;
using System.Collections.Generic;
using VaeProcgen.Generation.Playability;

namespace VaeProcgen.Generation.Tiles
{
    /// <summary>
    /// Gives a decoded level the object tiles (<see cref="TileRoles.ObjectTiles"/>: gold, coins, keys, enemies) that
    /// most-likely-tile decoding loses. The decoder spreads a rare tile's probability thinly over many cells, so the most
    /// likely tile of almost every cell is the terrain around it: Lode Runner rooms kept 2.6 gold of the originals' 19.5.
    /// <para>
    /// One training level is drawn (seeded) from <see cref="TileCountTable"/>; each object tile's target count is that
    /// level's count scaled by the generated level's cell count (so the counts of one original room travel together). When
    /// the level holds fewer, the missing ones are placed one by one on empty cells (the legend's empty tile) drawn with
    /// weight p(tile | cell) from the decoder. In rooms each placed object leaves its 8 neighbours 0.3 of their weight, so
    /// gold follows the decoder but spreads out instead of filling the floor where it is most confident; in platformer
    /// levels (gravity) enemies are only placed on cells with ground below, and coins keep the decoder's rows. In rooms (ladder-and-rope, top-down) only cells the player can reach from the
    /// start are used, so every placed pickup is collectable. Objects are never solid, so they do not change where the
    /// player can go; the caller checks the result again and keeps the level without them if it fails.
    /// </para>
    /// </summary>
    internal static class ObjectPlacement
    {
        private const float MinWeight = 1e-7f;

        /// <summary>Weight left to the 8 neighbours of a placed object, so objects spread out instead of filling the most likely row.</summary>
        private const double NeighbourDamping = 0.3;

        /// <summary>The level with its object tiles placed, and how many were placed.</summary>
        /// <param name="grid">The decoded level.</param>
        /// <param name="probabilities">The decoder's probabilities for the level, planar [tiles, height, width].</param>
        /// <param name="table">Tile counts of the training levels.</param>
        /// <param name="checker">The level's checker: its roles say which tiles are objects; for rooms it gives the reachable cells.</param>
        /// <param name="random">Seeded random numbers (one level draw, then one number per placed object).</param>
        public static (TileGrid Grid, int Placed) Place(TileGrid grid, float[] probabilities, TileCountTable table, PlayabilityChecker checker, DeterministicRandom random)
        {
            TileRoles roles = checker.Roles;
            IReadOnlyList<int> objects = roles.ObjectTiles;
            int plane = grid.Height * grid.Width;
            if (objects.Count == 0 || roles.EmptyTile < 0 || table.TileCount != roles.TileCount || table.LevelCount == 0) return (grid, 0);
            TileDecoding.CheckShape(probabilities, roles.TileCount, grid.Height, grid.Width);
            int level = random.NextInt(table.LevelCount);
            bool room = checker.Profile.Kind == MovementKind.LadderAndRope || checker.Profile.Kind == MovementKind.TopDown;
            bool[]? reachable = null;
            if (room)
            {
                checker.Check(grid);
                reachable = new bool[plane];
                for (int i = 0; i < plane; i++) reachable[i] = checker.Reached(i);
            }
            int[] cells = grid.ToArray();
            int placed = 0;
            var weights = new double[plane];
            foreach (int tile in objects)
            {
                int have = 0;
                foreach (int t in cells) if (t == tile) have++;
                int target = (int)Math.Round(table.Count(level, tile) * (double)plane / table.Cells(level), MidpointRounding.AwayFromZero);
                double total = 0;
                for (int i = 0; i < plane; i++)
                {
                    float p = probabilities[tile * plane + i];
                    bool eligible = cells[i] == roles.EmptyTile && (reachable == null || reachable[i]) && p >= MinWeight
                        && (room || !roles.Enemy[tile] || (i + grid.Width < plane && roles.IsStandable(cells[i + grid.Width])));
                    weights[i] = eligible ? p : 0;
                    total += weights[i];
                }
                for (int k = have; k < target && total > 0; k++)
                {
                    int chosen = Draw(weights, total, random.NextDouble());
                    cells[chosen] = tile;
                    placed++;
                    weights[chosen] = 0;
                    if (room) Damp(weights, chosen, grid.Height, grid.Width);
                    total = 0;
                    foreach (double w in weights) total += w;
                }
            }
            return placed == 0 ? (grid, 0) : (TileGrid.Wrap(grid.Height, grid.Width, cells), placed);
        }

        private static int Draw(double[] weights, double total, double u)
        {
            double target = u * total, cumulative = 0;
            int last = -1;
            for (int i = 0; i < weights.Length; i++)
            {
                if (weights[i] <= 0) continue;
                last = i;
                cumulative += weights[i];
                if (target < cumulative) return i;
            }
            return last;
        }

        private static void Damp(double[] weights, int cell, int height, int width)
        {
            int r = cell / width, c = cell % width;
            for (int dr = -1; dr <= 1; dr++)
                for (int dc = -1; dc <= 1; dc++)
                {
                    int nr = r + dr, nc = c + dc;
                    if ((dr != 0 || dc != 0) && nr >= 0 && nr < height && nc >= 0 && nc < width) weights[nr * width + nc] *= NeighbourDamping;
                }
        }
    }
}
