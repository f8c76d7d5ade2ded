using System;

namespace VaeProcgen.Generation.Playability
{
    /// <summary>
    /// The movement rules of <see cref="PlayabilityChecker"/>: the kind of game and the jump approximation.
    /// <para>
    /// Jumps are modelled on the tile grid, one tile per step. A jump rises up to <see cref="JumpHeight"/> rows
    /// (the player may let go earlier); while rising it may also move sideways, at most <see cref="JumpRiseColumns"/>
    /// columns in total. Once it stops rising the player falls one row per step and may drift one column per row.
    /// So from flat ground a full jump lands JumpRiseColumns + JumpHeight columns further on: with the defaults
    /// (4 rows, 3 columns) it clears a gap of 6 empty columns at the same height, reaches a ledge 2 rows higher
    /// 4 columns away, and climbs onto a ledge 4 rows higher. Checked against the VGLC originals: 13 of the 15 Super
    /// Mario Bros levels pass (6-3 needs its lifts, which VGLC does not record; 3-1 has an 8-column jump from the top
    /// of a staircase); 2 rows and 2 columns pass only 9.
    /// </para>
    /// </summary>
    public sealed class MovementProfile
    {
        /// <summary>Creates a profile; use the factory methods for the documented defaults.</summary>
        public MovementProfile(MovementKind kind, int jumpHeight, int jumpRiseColumns, bool wrapsHorizontally)
        {
            if (jumpHeight < 0 || jumpHeight > 32) throw new ArgumentOutOfRangeException(nameof(jumpHeight), "Jump height must be in [0, 32] rows.");
            if (jumpRiseColumns < 0 || jumpRiseColumns > 32) throw new ArgumentOutOfRangeException(nameof(jumpRiseColumns), "Jump columns must be in [0, 32].");
            Kind = kind;
            JumpHeight = jumpHeight;
            JumpRiseColumns = jumpRiseColumns;
            WrapsHorizontally = wrapsHorizontally;
        }

        /// <summary>The kind of game.</summary>
        public MovementKind Kind { get; }

        /// <summary>Most rows a jump rises (0 for games without jumping).</summary>
        public int JumpHeight { get; }

        /// <summary>Most columns moved sideways while rising.</summary>
        public int JumpRiseColumns { get; }

        /// <summary>True when leaving one side of the screen enters the other (Kid Icarus).</summary>
        public bool WrapsHorizontally { get; }

        /// <summary>Super Mario Bros-like: jump 4 rows high, 3 columns sideways while rising (gaps of up to 6 columns), no wrap.</summary>
        public static MovementProfile SideScrolling() => new MovementProfile(MovementKind.SideScrolling, 4, 3, false);

        /// <summary>Kid Icarus-like: jump 4 rows high, 3 columns sideways while rising, the screen wraps left to right.</summary>
        public static MovementProfile Vertical() => new MovementProfile(MovementKind.Vertical, 4, 3, true);

        /// <summary>Lode Runner-like: no jumping; ladders, ropes and digging.</summary>
        public static MovementProfile LadderAndRope() => new MovementProfile(MovementKind.LadderAndRope, 0, 0, false);

        /// <summary>Zelda-like rooms seen from above: walk up, down, left and right; no jumping, no gravity.</summary>
        public static MovementProfile TopDown() => new MovementProfile(MovementKind.TopDown, 0, 0, false);

        /// <inheritdoc />
        public override string ToString() => $"{Kind} (jump {JumpHeight} rows, {JumpRiseColumns} columns while rising{(WrapsHorizontally ? ", wraps" : "")})";
    }
}
