using System.Linq;
using VaeProcgen.Contract;
using VaeProcgen.Generation.Tiles;
using VaeProcgen.Trainer.Data.Levels;

namespace VaeProcgen.Trainer.Training
{
    /// <summary>Loads tile levels (a folder plus legend, or the embedded Super Mario Bros levels) and splits them into one-hot tensors.</summary>
    public static class TileDataPreparer
    {
        /// <summary>Default held-out fraction of levels: 0.15 holds out 2 of the 15 embedded Mario levels.</summary>
        public const double DefaultTestFraction = 0.15;

        /// <summary>
        /// Loads the levels: every *.txt under <paramref name="folder"/> with the legend at <paramref name="legendPath"/>, or
        /// the embedded Super Mario Bros levels when <paramref name="folder"/> is null.
        /// </summary>
        public static TileLevelDataset Load(string? folder, string? legendPath, TileWindowOptions window, string? game = null)
        {
            if (folder == null)
            {
                if (legendPath != null) throw new TrainingException("--legend needs --data: pass the folder of levels the legend belongs to (or neither for the embedded Mario levels).");
                return TileLevelDataset.LoadEmbedded(window, game ?? EmbeddedLevels.DefaultGame);
            }
            if (game != null) throw new TrainingException("--game names an embedded level set; pass either --game or --data, not both.");
            if (legendPath == null) throw new TrainingException("Tile levels need a legend: pass --legend FILE (VGLC JSON, {\"tiles\": {\"X\": [\"solid\"], ...}}).");
            return TileLevelDataset.LoadFolder(folder, legendPath, window);
        }

        /// <summary>
        /// Splits by whole level (seeded; held-out levels never share windows with training levels) and converts the
        /// windows to one-hot tensors [N, T, H, W]. The contract data (legend, training 2x2 patterns) comes along.
        /// </summary>
        public static PreparedData Prepare(TileLevelDataset all, double testFraction, int splitSeed)
        {
            if (all.Levels.Count < 2)
                throw new TrainingException($"The data has {all.Levels.Count} level(s), too few to hold out a test split; add levels (at least 2).");
            var (train, test) = all.Split(testFraction, splitSeed);
            int t = all.TileCount, h = all.WindowHeight, w = all.WindowWidth;
            var trainSet = new TrainingSet(train.ToOneHotPlanar(), train.Windows.Count, t, h, w);
            var testSet = new TrainingSet(test.ToOneHotPlanar(), test.Windows.Count, t, h, w);
            string patterns = TilePatternText.Format(new TilePatternSet(train.Levels, 2), all.Legend);
            return new PreparedData(ModelKind.Tiles, t, h, w, trainSet, testSet, System.Array.Empty<string>(), all.Fingerprint,
                TileLegendJson.Format(all.Legend), tilePatterns2x2: patterns)
            {
                LevelLayout = all.Layout,
                TileCounts = TileCountTable.FromLevels(train.Levels, t).Format(),
            };
        }

        /// <summary>Load then prepare.</summary>
        public static PreparedData Prepare(string? folder, string? legendPath, TileWindowOptions window, double testFraction, int splitSeed, string? game = null) =>
            Prepare(Load(folder, legendPath, window, game), testFraction, splitSeed);
    }
}
