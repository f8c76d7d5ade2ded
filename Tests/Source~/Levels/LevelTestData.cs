using System.Collections.Generic;
using VaeProcgen.Contract;
using VaeProcgen.Generation;
using VaeProcgen.Generation.Tiles;
using VaeProcgen.Trainer.Data.Levels;

namespace VaeProcgen.Tests.Levels
{
    /// <summary>Shared fixtures: the embedded Mario levels (loaded once) and seeded random grids.</summary>
    internal static class LevelTestData
    {
        private static TileLevelDataset? _mario;

        /// <summary>The 15 embedded Super Mario Bros levels, 14 x 28 windows, stride 1.</summary>
        public static TileLevelDataset Mario => _mario ??= TileLevelDataset.LoadEmbedded(new TileWindowOptions());

        /// <summary>A three-tile legend: '-' empty, 'X' ground, 'E' enemy (indices sorted by char: '-'=0, 'E'=1, 'X'=2).</summary>
        public static IReadOnlyList<TileLegendEntry> SmallLegend =>
            VglcLegend.Parse("{\"tiles\": {\"X\": [\"solid\"], \"-\": [\"empty\"], \"E\": [\"enemy\"]}}", "small.json");

        public static TileGrid RandomGrid(int height, int width, int tiles, long seed)
        {
            var random = new DeterministicRandom(seed);
            var cells = new int[height * width];
            for (int i = 0; i < cells.Length; i++) cells[i] = random.NextInt(tiles);
            return new TileGrid(height, width, cells);
        }
    }
}
