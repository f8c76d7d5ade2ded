namespace VaeProcgen.Trainer.Data.Levels
{
    /// <summary>How levels are cut into training windows.</summary>
    public sealed class TileWindowOptions
    {
        /// <summary>Window rows; null = the height of the first level (14 for Super Mario Bros). Taller levels give windows at every row offset step.</summary>
        public int? WindowHeight { get; set; }

        /// <summary>Window columns (default 28, two Mario screens' worth of 14-tile-high square windows).</summary>
        public int WindowWidth { get; set; } = 28;

        /// <summary>
        /// Step between window offsets (default 1: the 15 Mario levels give 2,518 windows, a one-hot of 51 MB;
        /// stride 2 halves that but throws away half of an already small data set).
        /// </summary>
        public int Stride { get; set; } = 1;

        /// <summary>
        /// How windows make a level: horizontal (default: windows of <see cref="WindowWidth"/> columns), vertical (windows as
        /// wide as the first level, <see cref="WindowHeight"/> rows, stepping along rows) or room (a window is a whole level).
        /// </summary>
        public VaeProcgen.Generation.Tiles.LevelLayout Layout { get; set; }

        /// <summary>
        /// When true, <see cref="Layout"/> is decided from the levels at load time (see <see cref="LevelLayoutDetector"/>)
        /// instead of taken as given.
        /// </summary>
        public bool DetectLayout { get; set; }

        internal bool FullWidth => Layout != VaeProcgen.Generation.Tiles.LevelLayout.Horizontal;

        /// <summary>A copy of these options with <paramref name="layout"/> and detection off (the options a dataset resolved).</summary>
        internal TileWindowOptions Resolved(VaeProcgen.Generation.Tiles.LevelLayout layout) => new TileWindowOptions
        {
            WindowHeight = WindowHeight,
            WindowWidth = WindowWidth,
            Stride = Stride,
            Layout = layout,
            DetectLayout = false,
            SkipBadFiles = SkipBadFiles,
        };

        /// <summary>When true, a bad level file is skipped and recorded in <see cref="TileLevelDataset.SkippedFiles"/> instead of failing the load.</summary>
        public bool SkipBadFiles { get; set; }
    }
}
