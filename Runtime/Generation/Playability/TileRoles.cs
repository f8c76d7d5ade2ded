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
    /// collected; <c>spawn</c> marks the player's start; <c>door</c>, <c>stair</c>/<c>stairs</c> and <c>exit</c> mark a way in or
    /// out of a top-down room (walkable even when also tagged <c>solid</c>, as an openable door); a non-solid tile tagged
    /// <c>hazard</c> or <c>damaging</c> but not <c>enemy</c> (water, lava) is not walked over in top-down rooms. Other tags are
    /// ignored: a tile with none of these tags is empty space (see <see cref="WithoutKnownTags"/>).
    /// </summary>
    public sealed class TileRoles
    {
        private TileRoles(bool[] solid, bool[] solidTop, bool[] ladder, bool[] rope, bool[] deadly, bool[] diggable, bool[] pickup, bool[] spawn, bool[] door, bool[] hazard, int passableTile)
        {
            Solid = solid;
            SolidTop = solidTop;
            Ladder = ladder;
            Rope = rope;
            Deadly = deadly;
            Diggable = diggable;
            Pickup = pickup;
            Spawn = spawn;
            Door = door;
            Hazard = hazard;
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
        internal bool[] Door { get; }
        internal bool[] Hazard { get; }
        internal bool[] Object { get; private set; } = Array.Empty<bool>();
        internal bool[] Enemy { get; private set; } = Array.Empty<bool>();

        /// <summary>Every tag the roles are read from (lower case); other tags describe the tile but do not change how it is played.</summary>
        public static IReadOnlyList<string> KnownTags { get; } = new[]
        {
            "solid", "passable", "empty", "solidtop", "platform", "climbable", "ladder", "rope", "damaging", "hazard", "enemy",
            "diggable", "pickupable", "collectable", "spawn", "door", "stair", "stairs", "exit",
        };

        /// <summary>
        /// True when the legend has a way in or out of a room (a tile tagged <c>door</c>, <c>stair</c>, <c>stairs</c> or <c>exit</c>) and no
        /// sign of gravity (no ladder, rope or jump-through platform): a top-down game such as The Legend of Zelda.
        /// </summary>
        public bool LooksTopDown
        {
            get
            {
                bool exits = false;
                for (int t = 0; t < TileCount; t++)
                {
                    if (Ladder[t] || Rope[t] || SolidTop[t]) return false;
                    exits |= Door[t];
                }
                return exits;
            }
        }

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

        /// <summary>True when the tile is a door, stair or exit (a goal of a top-down room).</summary>
        public bool IsDoor(int tile) => Door[tile];

        /// <summary>True when the tile is an object placed on the map rather than terrain: a pickup or a non-solid enemy (see <see cref="ObjectTiles"/>).</summary>
        public bool IsObject(int tile) => Object[tile];

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
                diggable = new bool[n], pickup = new bool[n], spawn = new bool[n], door = new bool[n], hazard = new bool[n], objects = new bool[n],
                enemies = new bool[n];
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
                door[i] = tags.Contains("door") || tags.Contains("stair") || tags.Contains("stairs") || tags.Contains("exit");
                bool enemy = tags.Contains("enemy");
                hazard[i] = !solid[i] && !enemy && (tags.Contains("hazard") || tags.Contains("damaging"));
                objects[i] = !solid[i] && !solidTop[i] && !climbable && !spawn[i] && !door[i]
                    && (pickup[i] || tags.Contains("collectable") || enemy);
                enemies[i] = objects[i] && enemy;
                if (tags.Contains("empty") && !solid[i] && empty < 0) empty = i;
                if (quiet < 0 && passable && !solid[i] && !solidTop[i] && !climbable && !pickup[i] && !spawn[i] && !door[i] && !tags.Contains("damaging")
                    && !enemy && !tags.Contains("collectable")) quiet = i;
            }
            return new TileRoles(solid, solidTop, ladder, rope, deadly, diggable, pickup, spawn, door, hazard, empty >= 0 ? empty : quiet) { Object = objects, Enemy = enemies };
        }

        /// <summary>
        /// The tiles that are objects on the map rather than terrain: non-solid tiles tagged <c>pickupable</c>,
        /// <c>collectable</c> or <c>enemy</c> (gold, coins, keys, enemies). Most-likely-tile decoding loses such rare tiles,
        /// so generation places them by count (<see cref="VaeProcgen.Generation.Tiles.LevelGenerationOptions.ObjectCounts"/>).
        /// </summary>
        public IReadOnlyList<int> ObjectTiles
        {
            get
            {
                var list = new List<int>();
                for (int t = 0; t < TileCount; t++) if (Object[t]) list.Add(t);
                return list;
            }
        }

        /// <summary>
        /// The legend entries none of whose tags is one of <see cref="KnownTags"/> (for a note to the user): the checker plays
        /// such a tile as empty space, which is wrong when it is a wall.
        /// </summary>
        public static IReadOnlyList<TileLegendEntry> WithoutKnownTags(IReadOnlyList<TileLegendEntry> legend)
        {
            if (legend == null) throw new ArgumentNullException(nameof(legend));
            var known = new HashSet<string>(KnownTags, StringComparer.OrdinalIgnoreCase);
            var unknown = new List<TileLegendEntry>();
            foreach (TileLegendEntry entry in legend)
            {
                bool any = false;
                foreach (string tag in entry.Tags) any |= known.Contains(tag.Trim());
                if (!any) unknown.Add(entry);
            }
            return unknown;
        }
    }
}
