using System;
using System.Collections.Generic;
using VaeProcgen.Generation.Tiles;

namespace VaeProcgen.Generation.Playability
{
    /// <summary>
    /// Decides whether a tile level can be finished, by a breadth-first search over the player's states on the grid
    /// (cell plus jump phase), and returns a shortest route.
    /// <para>
    /// The player is one tile. Side-scrolling and vertical profiles: standing on a solid tile (not a deadly one) or a
    /// jump-through platform, the player walks one column or starts a jump (see <see cref="MovementProfile"/>); with
    /// nothing below it falls one row per step, drifting at most one column; jump-through platforms are passed from
    /// below; falling off the bottom kills; non-solid enemies are passable (stomped or avoided). Side-scrolling starts on
    /// the lowest standable cell of the leftmost column that has one (or a <c>spawn</c> tile) and is finished on reaching
    /// standing in the last column; vertical starts on the standable cell nearest the middle of the lowest row that has one and is
    /// finished on standing in one of the top <see cref="VerticalGoalRows"/> rows. Ladder-and-rope rooms start on the <c>spawn</c> tile; the player walks on
    /// solid tiles and ladders, climbs ladders up and down, moves along ropes and drops from them, falls straight down
    /// otherwise, and digs a <c>diggable</c> tile diagonally below (the hole is entered and refills behind; from inside a hole the next brick down can be dug too, as a two-wide trench allows);
    /// the room edges are walls and floor; the room is finished when every <c>pickupable</c> tile is reachable. Top-down rooms
    /// start on the <c>spawn</c> tile, else at the entrance (the first <c>door</c>/<c>stair</c>/<c>exit</c> tile on the room's
    /// edge); the player steps up, down, left or right onto any tile that is not solid and not a non-enemy hazard (doors
    /// always); the room is finished when every door, stair, exit and pickup is reachable (and it has at least one).
    /// </para>
    /// <para>
    /// Cost: (cells x jump phases) states, each visited once: a 14 x 200 Mario level with the default profile has
    /// 13 phases, about 36,000 states, well under a millisecond. An instance reuses its buffers, so it allocates
    /// only the result after warm-up; it is not thread-safe (use one per thread).
    /// </para>
    /// </summary>
    public sealed class PlayabilityChecker
    {
        private const byte FlagSolid = 1, FlagTop = 2, FlagLadder = 4, FlagRope = 8, FlagDeadly = 16, FlagDig = 32, FlagDoor = 64, FlagHazard = 128;

        private readonly TileRoles roles;
        private readonly MovementProfile profile;
        private readonly int phases;
        private byte[] flags = Array.Empty<byte>();
        private int[] parent = Array.Empty<int>();
        private int[] queue = Array.Empty<int>();
        private int height, width;

        /// <summary>Creates a checker for a game's tile roles and movement profile.</summary>
        public PlayabilityChecker(TileRoles roles, MovementProfile profile)
        {
            this.roles = roles ?? throw new ArgumentNullException(nameof(roles));
            this.profile = profile ?? throw new ArgumentNullException(nameof(profile));
            phases = IsRoomKind ? 1 : 1 + profile.JumpHeight * (profile.JumpRiseColumns + 1);
        }

        private bool IsRoomKind => profile.Kind == MovementKind.LadderAndRope || profile.Kind == MovementKind.TopDown;

        /// <summary>The tile roles.</summary>
        public TileRoles Roles => roles;

        /// <summary>The movement profile.</summary>
        public MovementProfile Profile => profile;

        /// <summary>Checks one level (see the class remarks for the rules).</summary>
        public PlayabilityResult Check(TileGrid grid) => Check(grid, 0);

        /// <summary>
        /// As <see cref="Check(TileGrid)"/>, with the platformer goal widened to standing anywhere in the last
        /// <paramref name="goalMargin"/> columns (side-scrolling) or top rows (vertical); 0 = the profile default
        /// (the last column; the top <see cref="VerticalGoalRows"/> rows).
        /// </summary>
        public PlayabilityResult Check(TileGrid grid, int goalMargin)
        {
            if (grid == null) throw new ArgumentNullException(nameof(grid));
            Prepare(grid);
            int start = FindStart(grid, out string? noStart);
            if (start < 0) return new PlayabilityResult(false, null, Array.Empty<GridPoint>(), 0, 0, CountPickups(grid), noStart!);
            GridPoint startPoint = Point(start);
            if (IsRoomKind) return CheckRoom(grid, start, startPoint);
            int margin = goalMargin > 0 ? goalMargin : profile.Kind == MovementKind.SideScrolling ? 1 : VerticalGoalRows;
            return CheckPlatformer(start, startPoint, margin);
        }

        private void Prepare(TileGrid grid)
        {
            height = grid.Height;
            width = grid.Width;
            int cells = height * width;
            if (flags.Length < cells) flags = new byte[cells];
            if (parent.Length < cells * phases)
            {
                parent = new int[cells * phases];
                queue = new int[cells * phases];
            }
            ReadOnlySpan<int> tiles = grid.Cells;
            for (int i = 0; i < cells; i++)
            {
                int t = tiles[i];
                if ((uint)t >= (uint)roles.TileCount) throw new ArgumentException($"Tile index {t} at cell {i} is not in the legend of {roles.TileCount} tiles.", nameof(grid));
                byte f = 0;
                if (roles.Solid[t]) f |= FlagSolid;
                if (roles.SolidTop[t]) f |= FlagTop;
                if (roles.Ladder[t]) f |= FlagLadder;
                if (roles.Rope[t]) f |= FlagRope;
                if (roles.Deadly[t]) f |= FlagDeadly;
                if (roles.Diggable[t]) f |= FlagDig;
                if (roles.Door[t]) f |= FlagDoor;
                if (roles.Hazard[t]) f |= FlagHazard;
                flags[i] = f;
            }
            Array.Fill(parent, -1, 0, cells * phases);
        }

        private int FindStart(TileGrid grid, out string? problem)
        {
            problem = null;
            ReadOnlySpan<int> tiles = grid.Cells;
            for (int i = 0; i < tiles.Length; i++) if (roles.Spawn[tiles[i]]) return i;
            switch (profile.Kind)
            {
                case MovementKind.SideScrolling:
                    for (int c = 0; c < width; c++)
                        for (int r = height - 2; r >= 0; r--)
                            if (CanStartAt(r, c)) return r * width + c;
                    problem = "There is no cell to start on: no column has an empty cell above solid ground.";
                    return -1;
                case MovementKind.Vertical:
                    for (int r = height - 2; r >= 0; r--)
                    {
                        int best = -1;
                        for (int c = 0; c < width; c++)
                            if (CanStartAt(r, c) && (best < 0 || Math.Abs(2 * c - (width - 1)) < Math.Abs(2 * best - (width - 1)))) best = c;
                        if (best >= 0) return r * width + best;
                    }
                    problem = "There is no cell to start on: no row has an empty cell above solid ground.";
                    return -1;
                case MovementKind.TopDown:
                    int entrance = Entrance();
                    if (entrance < 0) problem = "The room has no start (a tile tagged 'spawn') and no entrance (a tile tagged 'door', 'stair' or 'exit').";
                    return entrance;
                default:
                    problem = "The room has no start (a tile tagged 'spawn').";
                    return -1;
            }
        }

        /// <summary>A top-down room's entrance: the first door on the room's edge (top row, bottom row, left, right), else the first door.</summary>
        private int Entrance()
        {
            int cells = height * width, first = -1;
            for (int i = 0; i < cells; i++)
            {
                if ((flags[i] & FlagDoor) == 0) continue;
                int r = i / width, c = i % width;
                if (r == 0 || r == height - 1 || c == 0 || c == width - 1) return i;
                if (first < 0) first = i;
            }
            return first;
        }

        private bool CanStartAt(int r, int c)
        {
            int at = r * width + c;
            return (flags[at] & (FlagSolid | FlagTop)) == 0 && Standable(flags[at + width]);
        }

        private static bool Standable(byte below) => (below & FlagTop) != 0 || (below & (FlagSolid | FlagDeadly)) == FlagSolid;

        /// <summary>Rows at the top of a vertical level in which standing finishes it (the top row itself is often a closed ceiling).</summary>
        public const int VerticalGoalRows = 8;

        private PlayabilityResult CheckPlatformer(int start, GridPoint startPoint, int margin)
        {
            bool sideways = profile.Kind == MovementKind.SideScrolling;
            int head = 0, tail = 0;
            queue[tail++] = start * phases;
            parent[start * phases] = start * phases;
            int goal = -1, best = start * phases;
            while (head < tail)
            {
                int state = queue[head++];
                int cell = state / phases, phase = state - cell * phases;
                int r = cell / width, c = cell - r * width;
                bool standing = phase == 0 && r + 1 < height && Standable(flags[cell + width]);
                if (standing && (sideways ? c >= width - margin : r < margin))
                {
                    goal = state;
                    break;
                }
                if (standing && (sideways ? c > best / phases % width : r < best / phases / width)) best = state;
                if (phase == 0) ExpandGrounded(state, r, c, ref tail);
                else ExpandRising(state, r, c, phase, ref tail);
            }
            bool playable = goal >= 0;
            List<GridPoint> path = Trace(playable ? goal : best, new List<GridPoint>());
            GridPoint end = path[path.Count - 1];
            double progress = sideways ? (width <= 1 ? 1 : end.Column / (double)(width - 1)) : (height <= 1 ? 1 : (startPoint.Row - end.Row) / (double)Math.Max(1, startPoint.Row));
            string reason = playable
                ? (sideways ? $"The right edge is reachable from {startPoint} in {path.Count - 1} steps." : $"The top is reachable from {startPoint} in {path.Count - 1} steps.")
                : (sideways ? $"The right edge cannot be reached from {startPoint}: the furthest column stood on is {end.Column} of {width - 1}."
                            : $"The top cannot be reached from {startPoint}: the highest row stood on is {end.Row} (row 0 is the top).");
            return new PlayabilityResult(playable, startPoint, path, playable ? 1 : progress, 0, 0, reason);
        }

        private void ExpandGrounded(int state, int r, int c, ref int tail)
        {
            if (r + 1 >= height) return;
            byte below = flags[(r + 1) * width + c];
            if ((below & FlagDeadly) != 0) return;
            if ((below & (FlagSolid | FlagTop)) != 0)
            {
                for (int dx = 1; dx >= -1; dx -= 2)
                {
                    int nc = Column(c + dx);
                    if (nc >= 0 && (flags[r * width + nc] & FlagSolid) == 0) Visit(state, (r * width + nc) * phases, ref tail);
                }
                if (profile.JumpHeight > 0) Visit(state, (r * width + c) * phases + RisingPhase(profile.JumpHeight, profile.JumpRiseColumns), ref tail);
                return;
            }
            for (int dx = 0; dx >= -1; dx = dx == 0 ? 1 : dx == 1 ? -1 : -2)
            {
                int nc = Column(c + dx);
                if (nc < 0) continue;
                if ((flags[(r + 1) * width + nc] & (FlagSolid | FlagTop)) != 0) continue;
                if (dx != 0 && (flags[r * width + nc] & FlagSolid) != 0) continue;
                Visit(state, ((r + 1) * width + nc) * phases, ref tail);
            }
        }

        private void ExpandRising(int state, int r, int c, int phase, ref int tail)
        {
            int sideMoves = profile.JumpRiseColumns + 1;
            int rowsLeft = (phase - 1) / sideMoves + 1, columnsLeft = (phase - 1) % sideMoves;
            Visit(state, (r * width + c) * phases, ref tail);
            if (r == 0) return;
            for (int dx = 0; dx >= -1; dx = dx == 0 ? 1 : dx == 1 ? -1 : -2)
            {
                if (dx != 0 && columnsLeft == 0) continue;
                int nc = Column(c + dx);
                if (nc < 0 || (flags[(r - 1) * width + nc] & FlagSolid) != 0) continue;
                if (dx != 0 && (flags[(r - 1) * width + c] & FlagSolid) != 0 && (flags[r * width + nc] & FlagSolid) != 0) continue;
                int next = rowsLeft == 1 ? 0 : RisingPhase(rowsLeft - 1, columnsLeft - (dx != 0 ? 1 : 0));
                Visit(state, ((r - 1) * width + nc) * phases + next, ref tail);
            }
        }

        private int RisingPhase(int rowsLeft, int columnsLeft) => 1 + (rowsLeft - 1) * (profile.JumpRiseColumns + 1) + columnsLeft;

        private PlayabilityResult CheckRoom(TileGrid grid, int start, GridPoint startPoint)
        {
            int head = 0, tail = 0;
            queue[tail++] = start;
            parent[start] = start;
            while (head < tail)
            {
                int cell = queue[head++];
                int r = cell / width, c = cell - r * width;
                if (profile.Kind == MovementKind.TopDown) ExpandTopDown(cell, r, c, ref tail);
                else ExpandRoom(cell, r, c, ref tail);
            }
            ReadOnlySpan<int> tiles = grid.Cells;
            bool topDown = profile.Kind == MovementKind.TopDown;
            int total = 0, reached = 0, pickups = 0, pickupsReached = 0;
            GridPoint? firstMissing = null;
            var path = new List<GridPoint>();
            for (int i = 0; i < tiles.Length; i++)
            {
                bool pickup = roles.Pickup[tiles[i]];
                if (!pickup && !(topDown && roles.Door[tiles[i]])) continue;
                total++;
                if (pickup) pickups++;
                if (parent[i] >= 0)
                {
                    reached++;
                    if (pickup) pickupsReached++;
                    Trace(i, path);
                }
                else if (firstMissing == null) firstMissing = Point(i);
            }
            string goals = topDown ? "doors, stairs and pickups" : "pickups";
            bool playable = reached == total && (total > 0 || !topDown);
            string reason = playable
                ? $"All {total} {goals} are reachable from the start {startPoint}."
                : total == 0 ? $"The room has no {goals} to reach."
                : $"{total - reached} of {total} {goals} cannot be reached from the start {startPoint} (the first at {firstMissing}).";
            return new PlayabilityResult(playable, startPoint, path, total == 0 ? (playable ? 1 : 0) : reached / (double)total, pickupsReached, pickups, reason);
        }

        /// <summary>Top-down rooms: one step up, down, left or right onto a walkable cell (not solid, not a hazard; doors always).</summary>
        private void ExpandTopDown(int cell, int r, int c, ref int tail)
        {
            if (r > 0 && Walkable(flags[cell - width])) Visit(cell, cell - width, ref tail);
            if (r + 1 < height && Walkable(flags[cell + width])) Visit(cell, cell + width, ref tail);
            if (c > 0 && Walkable(flags[cell - 1])) Visit(cell, cell - 1, ref tail);
            if (c + 1 < width && Walkable(flags[cell + 1])) Visit(cell, cell + 1, ref tail);
        }

        private static bool Walkable(byte f) => (f & FlagDoor) != 0 || (f & (FlagSolid | FlagHazard)) == 0;

        private void ExpandRoom(int cell, int r, int c, ref int tail)
        {
            byte here = flags[cell];
            bool ladder = (here & FlagLadder) != 0, rope = (here & FlagRope) != 0;
            byte below = r + 1 < height ? flags[cell + width] : FlagSolid;
            bool supported = ladder || rope || (below & (FlagSolid | FlagLadder | FlagTop)) != 0;
            if (!supported)
            {
                Visit(cell, cell + width, ref tail);
                return;
            }
            for (int dx = 1; dx >= -1; dx -= 2)
            {
                int nc = c + dx;
                if (nc >= 0 && nc < width && (flags[cell + dx] & FlagSolid) == 0) Visit(cell, cell + dx, ref tail);
            }
            if (ladder && r > 0 && (flags[cell - width] & FlagSolid) == 0) Visit(cell, cell - width, ref tail);
            if (r + 1 < height && (below & FlagSolid) == 0) Visit(cell, cell + width, ref tail);
            if (rope || r + 1 >= height) return;
            for (int dx = 1; dx >= -1; dx -= 2)
            {
                int nc = c + dx;
                if (nc < 0 || nc >= width) continue;
                byte side = flags[cell + dx];
                bool open = (side & (FlagSolid | FlagLadder | FlagRope)) == 0 || (side & FlagDig) != 0;
                if (open && (flags[cell + width + dx] & FlagDig) != 0) Visit(cell, cell + width + dx, ref tail);
            }
        }

        /// <summary>
        /// True when the last <see cref="Check(TileGrid)"/> reached <paramref name="cell"/> (row-major) in any state. Rooms are
        /// searched completely, so this is the reachable set; platformer searches stop at the goal.
        /// </summary>
        internal bool Reached(int cell)
        {
            for (int p = 0; p < phases; p++) if (parent[cell * phases + p] >= 0) return true;
            return false;
        }

        private int Column(int c)
        {
            if (c >= 0 && c < width) return c;
            if (!profile.WrapsHorizontally) return -1;
            return c < 0 ? c + width : c - width;
        }

        private void Visit(int from, int to, ref int tail)
        {
            if (parent[to] >= 0) return;
            parent[to] = from;
            queue[tail++] = to;
        }

        private List<GridPoint> Trace(int state, List<GridPoint> into)
        {
            int begin = into.Count;
            for (int s = state; ; s = parent[s])
            {
                GridPoint p = Point(s / phases);
                if (into.Count == begin || !into[into.Count - 1].Equals(p)) into.Add(p);
                if (parent[s] == s) break;
            }
            into.Reverse(begin, into.Count - begin);
            return into;
        }

        private GridPoint Point(int cell) => new GridPoint(cell / width, cell % width);

        private int CountPickups(TileGrid grid)
        {
            int count = 0;
            foreach (int t in grid.Cells) if (roles.Pickup[t]) count++;
            return count;
        }
    }
}
