using System;
using System.IO;
using System.Linq;
using VaeProcgen.Contract;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Trainer.Imaging;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Tests.EndToEnd
{
    /// <summary>Small, evenly spread subsets of the embedded sprite set (loaded once per test run).</summary>
    internal static class EmbeddedSprites
    {
        private static readonly Lazy<SpriteDataset> All = new Lazy<SpriteDataset>(() => SpriteDataset.LoadEmbedded(new SpriteLoadOptions()));

        /// <summary>Every (All.Count / count)-th sprite, so all item classes are represented.</summary>
        public static SpriteDataset Spread(int count)
        {
            SpriteDataset all = All.Value;
            int stride = all.Count / count;
            return all.Subset(Enumerable.Range(0, count).Select(i => i * stride));
        }

        /// <summary>Seeded train/held-out tensors of a spread subset (unconditional).</summary>
        public static PreparedData Prepare(int count, int splitSeed, double testFraction = 0.25)
        {
            SpriteDataset set = Spread(count);
            var (train, test) = set.Split(testFraction, splitSeed);
            var trainSet = new TrainingSet(train.ToPlanarFloats(), train.Count, 4, set.Height, set.Width);
            var testSet = new TrainingSet(test.ToPlanarFloats(), test.Count, 4, set.Height, set.Width);
            return new PreparedData(ModelKind.Sprite, 4, set.Height, set.Width, trainSet, testSet, set.Labels, set.Fingerprint);
        }

        /// <summary>Writes the sprites as PNGs into label sub-folders (the layout `train --data` reads).</summary>
        public static void WritePngFolder(SpriteDataset set, string folder)
        {
            for (int i = 0; i < set.Count; i++)
            {
                SpriteItem item = set.Items[i];
                string labelFolder = Path.Combine(folder, item.Label);
                Directory.CreateDirectory(labelFolder);
                string name = i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + "_" + Path.GetFileName(item.SourceName);
                PngCodec.Save(item.Image, Path.Combine(labelFolder, name));
            }
        }
    }
}
