namespace VaeProcgen.Generation.Playability
{
    /// <summary>How a player moves through a tile level; chooses the rules of <see cref="PlayabilityChecker"/>.</summary>
    public enum MovementKind
    {
        /// <summary>Gravity, walking, jumping; the level is played left to right and is finished at its right edge (Super Mario Bros).</summary>
        SideScrolling,

        /// <summary>The same physics played bottom to top, with jump-through platforms and optional horizontal wrap (Kid Icarus).</summary>
        Vertical,

        /// <summary>Single-screen rooms: walk, fall, climb ladders, hang on ropes, dig bricks; every pickup must be reachable (Lode Runner).</summary>
        LadderAndRope,

        /// <summary>Seen from above, no gravity: walk in four directions over non-solid tiles; every door, stair and pickup must be reachable (The Legend of Zelda dungeon rooms).</summary>
        TopDown,
    }
}
