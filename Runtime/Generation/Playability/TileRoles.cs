using System;
using System.Collections.Generic;
using VaeProcgen.Contract;

namespace VaeProcgen.Generation.Playability
{
    /// <summary>
    /// What each tile index means to a player, read from the VGLC legend tags (case-insensitive):
    /// <c>solid</c> blocks movement; <c>solidtop</c> (or <c>platform</c> with <c>passable</c>) can be stood on and
    /// jumped through from below; <c>climbable</c> is a ladder, or a rope when also tagged <c>rope</c>;
    /// <c>damaging</c> on a solid tile makes it deadly to stand on (non-solid damaging tiles such as enemies are
    /// treated as avoidable and passable); <c>diggable</c> solid tiles can be dug; <c>pickupable</c> tiles must be
    /// collected; <c>spawn</c> marks the player's start.
    /// </summary>
    public sealed class TileRoles
    {
        private TileRoles(bool[] solid, bool[] solidTop, bool[] ladder, bool[] rope, bool[] deadly, bool[] diggable, bool[] pickup, bool[] spawn, int passableTile)
        {
            Solid = solid;
            SolidTop = solidTop;
            Ladder = ladder;
            Rope = rope;
            Deadly = deadly;
            Diggable = diggable;
            Pickup = pickup;
            Spawn = spawn;
            EmptyTile = passableTile;
        }

        internal bool[] Solid { get; }
        internal bool[] SolidTop { get; }
        internal bool[] Ladder { get; }
        internal bool[] Rope { get; }
        internal bool[] Deadly { get; }
        internal bool[] Diggable { get; }
        internal bool[] Pickup { get; }
        internal bool[] Spawn { get; }

        /// <summary>Number of tile types.</summary>
        public int TileCount => Solid.Length;

        /// <summary>The plain empty tile (tagged <c>empty</c>, else the first passable tile with no other role), or -1.</summary>
        public int EmptyTile { get; }

        /// <summary>True when the tile blocks movement.</summary>
        public bool IsSolid(int tile) => Solid[tile];

        /// <summary>True when the tile must be collected.</summary>
        public bool IsPickup(int tile) => Pickup[tile];

        /// <summary>True when the tile is the player's start.</summary>
        public bool IsSpawn(int tile) => Spawn[tile];

        /// <summary>True when the tile is a ladder or rope.</summary>
        public bool IsClimbable(int tile) => Ladder[tile] || Rope[tile];

        /// <summary>True when a player can stand on the tile (solid and not deadly, or a jump-through platform).</summary>
        public bool IsStandable(int tile) => (Solid[tile] && !Deadly[tile]) || SolidTop[tile];

        /// <summary>Reads the roles from a legend whose indices are 0..N-1.</summary>
        public static TileRoles FromLegend(IReadOnlyList<TileLegendEntry> legend)
        {
            if (legend == null) throw new ArgumentNullException(nameof(legend));
            int n = legend.Count;
            bool[] solid = new bool[n], solidTop = new bool[n], ladder = new bool[n], rope = new bool[n], deadly = new bool[n],
                diggable = new bool[n], pickup = new bool[n], spawn = new bool[n];
            int empty = -1, quiet = -1;
            foreach (TileLegendEntry entry in legend)
            {
                int i = entry.Index;
                if ((uint)i >= (uint)n) throw new ArgumentException($"Legend index {i} of '{entry.Character}' is outside 0..{n - 1}.", nameof(legend));
                var tags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (string tag in entry.Tags) tags.Add(tag.Trim());
                bool passable = tags.Contains("passable") || tags.Contains("empty");
                solidTop[i] = tags.Contains("solidtop") || (tags.Contains("platform") && passable);
                solid[i] = tags.Contains("solid") && !solidTop[i];
                bool climbable = tags.Contains("climbable") || tags.Contains("ladder") || tags.Contains("rope");
                rope[i] = climbable && tags.Contains("rope");
                ladder[i] = climbable && !rope[i];
                deadly[i] = solid[i] && tags.Contains("damaging");
                diggable[i] = solid[i] && tags.Contains("diggable");
                pickup[i] = tags.Contains("pickupable");
                spawn[i] = tags.Contains("spawn");
                if (tags.Contains("empty") && !solid[i] && empty < 0) empty = i;
                if (quiet < 0 && passable && !solid[i] && !solidTop[i] && !climbable && !pickup[i] && !spawn[i] && !tags.Contains("damaging")
                    && !tags.Contains("enemy") && !tags.Contains("collectable")) quiet = i;
            }
            return new TileRoles(solid, solidTop, ladder, rope, deadly, diggable, pickup, spawn, empty >= 0 ? empty : quiet);
        }
    }
}
