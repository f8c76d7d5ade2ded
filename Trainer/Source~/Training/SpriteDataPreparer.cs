using System.Linq;
using VaeProcgen.Contract;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Trainer.Training
{
    /// <summary>Loads sprites (a folder, or the embedded set when the path is null) and splits them into tensors.</summary>
    public static class SpriteDataPreparer
    {
        /// <summary>Loads, splits (seeded, stratified) and converts to tensors; labels are kept for conditional models.</summary>
        public static PreparedData Prepare(string? path, SpriteLoadOptions load, double testFraction, int splitSeed, bool conditional)
        {
            SpriteDataset all = path == null ? SpriteDataset.LoadEmbedded(load) : SpriteDataset.LoadFolder(path, load);
            return Prepare(all, testFraction, splitSeed, conditional);
        }

        /// <summary>
        /// Splits a loaded dataset and converts it to tensors. The training split's palette (see
        /// <see cref="PaletteExtractor"/>) goes into <see cref="PreparedData.PaletteJson"/> and so into the contract.
        /// </summary>
        public static PreparedData Prepare(SpriteDataset all, double testFraction, int splitSeed, bool conditional)
        {
            var (train, test) = all.Split(testFraction, splitSeed);
            if (train.Count == 0 || test.Count == 0)
            {
                throw new TrainingException($"The data has {all.Count} sprite(s), too few to hold out a test split; add sprites (at least 2) or lower --test-fraction.");
            }
            int labelCount = conditional ? all.Labels.Count : 0;
            var trainSet = new TrainingSet(train.ToPlanarFloats(), train.Count, 4, all.Height, all.Width, train.LabelIndices(), labelCount);
            var testSet = new TrainingSet(test.ToPlanarFloats(), test.Count, 4, all.Height, all.Width, test.LabelIndices(), labelCount);
            var palette = PaletteExtractor.Extract(train.Items.Select(i => i.Image));
            string? paletteJson = palette.Count > 0 ? PaletteJson.Format(palette) : null;
            return new PreparedData(ModelKind.Sprite, 4, all.Height, all.Width, trainSet, testSet, all.Labels, all.Fingerprint, paletteJson: paletteJson)
            {
                SkippedFiles = all.SkippedFiles,
            };
        }
    }
}
