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
    /// the level holds fewer, the missing ones are placed on empty cells (the legend's empty tile) drawn without replacement
    /// with weight p(tile | cell) from the decoder (weighted random sampling, so objects follow the decoder but do not
    /// line up where it is most confident). In rooms (ladder-and-rope, top-down) only cells the player can reach from the
    /// start are used, so every placed pickup is collectable. Objects are never solid, so they do not change where the
    /// player can go; the caller checks the result again and keeps the level without them if it fails.
    /// </para>
    /// </summary>
    internal static class ObjectPlacement
    {
        private const float MinWeight = 1e-4f;

        /// <summary>The level with its object tiles placed, and how many were placed.</summary>
        /// <param name="grid">The decoded level.</param>
        /// <param name="probabilities">The decoder's probabilities for the level, planar [tiles, height, width].</param>
        /// <param name="table">Tile counts of the training levels.</param>
        /// <param name="checker">The level's checker: its roles say which tiles are objects; for rooms it gives the reachable cells.</param>
        /// <param name="random">Seeded random numbers (one level draw, then one number per eligible cell per object tile).</param>
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
            var keys = new List<(double Key, int Cell)>();
            foreach (int tile in objects)
            {
                int have = 0;
                foreach (int t in cells) if (t == tile) have++;
                int target = (int)Math.Round(table.Count(level, tile) * (double)plane / table.Cells(level), MidpointRounding.AwayFromZero);
                keys.Clear();
                for (int i = 0; i < plane; i++)
                {
                    float p = probabilities[tile * plane + i];
                    double u = random.NextDouble();
                    if (cells[i] != roles.EmptyTile || (reachable != null && !reachable[i]) || !(p >= MinWeight)) continue;
                    // Efraimidis-Spirakis: the k largest u^(1/w) are a weighted sample of k cells without replacement.
                    keys.Add((Math.Log(Math.Max(u, 1e-300)) / p, i));
                }
                int need = Math.Min(target - have, keys.Count);
                if (need <= 0) continue;
                keys.Sort((a, b) => b.Key.CompareTo(a.Key) != 0 ? b.Key.CompareTo(a.Key) : a.Cell.CompareTo(b.Cell));
                for (int k = 0; k < need; k++) cells[keys[k].Cell] = tile;
                placed += need;
            }
            return placed == 0 ? (grid, 0) : (TileGrid.Wrap(grid.Height, grid.Width, cells), placed);
        }
    }
}
