namespace VaeProcgen.Generation.Tiles
{
    /// <summary>How a level model's windows make a level (stored in the contract as <c>vaeprocgen.level_layout</c>).</summary>
    public enum LevelLayout
    {
        /// <summary>Windows are column ranges of the level, stitched left to right (Super Mario Bros).</summary>
        Horizontal,

        /// <summary>Windows are row ranges of a level as wide as the window, stitched bottom to top (Kid Icarus).</summary>
        Vertical,

        /// <summary>A window is a whole single-screen room; one room per seed, with exactly one start (Lode Runner).</summary>
        Room,
    }
}
