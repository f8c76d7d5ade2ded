using System.Collections.Generic;
using System.Linq;
using VaeProcgen.Generation.Tiles;

namespace VaeProcgen.Trainer.Data.Levels
{
    /// <summary>Decides how a set of levels is laid out from their sizes, so VGLC folders train without layout flags.</summary>
    internal static class LevelLayoutDetector
    {
        /// <summary>Largest side of a level that still counts as one screen.</summary>
        public const int MaxRoomSide = 64;

        /// <summary>
        /// Room when every level has the same size and no side is longer than <see cref="MaxRoomSide"/> (Lode Runner:
        /// 150 rooms of 22 x 32); vertical when every level is at least twice as tall as wide (Kid Icarus: 16 wide,
        /// 158-280 tall); horizontal otherwise (Super Mario Bros: 14 tall, 149-373 wide).
        /// </summary>
        public static LevelLayout Detect(IReadOnlyList<TileGrid> levels)
        {
            if (levels.Count == 0) return LevelLayout.Horizontal;
            TileGrid first = levels[0];
            if (levels.All(l => l.Height == first.Height && l.Width == first.Width) && first.Height <= MaxRoomSide && first.Width <= MaxRoomSide)
            {
                return LevelLayout.Room;
            }
            return levels.All(l => l.Height >= 2 * l.Width) ? LevelLayout.Vertical : LevelLayout.Horizontal;
        }
    }
}
