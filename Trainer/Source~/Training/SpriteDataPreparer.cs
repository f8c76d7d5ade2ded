using System;
using System.Collections.Generic;
using System.Linq;
using VaeProcgen.Contract;
using VaeProcgen.Generation;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Trainer.Training
{
    /// <summary>Loads sprites (a folder, or the embedded set when the path is null) and splits them into tensors.</summary>
    public static class SpriteDataPreparer
    {
        /// <summary>Loads, splits (seeded, stratified) and converts to tensors; labels are kept for conditional models.</summary>
        public static PreparedData Prepare(string? path, SpriteLoadOptions load, double testFraction, int splitSeed, bool conditional, int paletteColours = 0)
        {
            SpriteDataset all = path == null ? SpriteDataset.LoadEmbedded(load) : SpriteDataset.LoadFolder(path, load);
            return Prepare(all, testFraction, splitSeed, conditional, paletteColours);
        }

        /// <summary>
        /// Splits a loaded dataset and converts it to tensors. With <paramref name="paletteColours"/> = 0 the items are RGBA
        /// planes and the training split's palette (see <see cref="PaletteExtractor"/>, up to 256 colours) goes into
        /// <see cref="PreparedData.PaletteJson"/> and so into the contract. With <paramref name="paletteColours"/> = P &gt; 0 the
        /// training split is reduced to P colours (median cut in OKLab), the channel palette is a transparent entry followed
        /// by those colours, and every sprite becomes one-hot planes [P+1, H, W] of its pixels' palette entries (the rule of
        /// <see cref="SpritePalette"/>, which the runtime uses too).
        /// </summary>
        public static PreparedData Prepare(SpriteDataset all, double testFraction, int splitSeed, bool conditional, int paletteColours = 0)
        {
            var (train, test) = all.Split(testFraction, splitSeed);
            if (train.Count == 0 || test.Count == 0)
            {
                throw new TrainingException($"The data has {all.Count} sprite(s), too few to hold out a test split; add sprites (at least 2) or lower --test-fraction.");
            }
            int labelCount = conditional ? all.Labels.Count : 0;
            List<uint> palette;
            Func<SpriteDataset, float[]> items;
            int channels;
            if (paletteColours > 0)
            {
                palette = PaletteExtractor.Extract(train.Items.Select(i => i.Image), paletteColours);
                palette.Insert(0, TransparentEntry);
                var codec = new SpritePalette(palette);
                items = set => OneHot(set, codec);
                channels = palette.Count;
            }
            else
            {
                palette = PaletteExtractor.Extract(train.Items.Select(i => i.Image));
                items = set => set.ToPlanarFloats();
                channels = 4;
            }
            var trainSet = new TrainingSet(items(train), train.Count, channels, all.Height, all.Width, train.LabelIndices(), labelCount);
            var testSet = new TrainingSet(items(test), test.Count, channels, all.Height, all.Width, test.LabelIndices(), labelCount);
            string? paletteJson = palette.Count > 0 ? PaletteJson.Format(palette) : null;
            return new PreparedData(ModelKind.Sprite, channels, all.Height, all.Width, trainSet, testSet, all.Labels, all.Fingerprint, paletteJson: paletteJson)
            {
                SkippedFiles = all.SkippedFiles,
            };
        }

        /// <summary>The transparent entry that leads every channel palette (colour 0x00000000).</summary>
        public const uint TransparentEntry = 0;

        private static float[] OneHot(SpriteDataset set, SpritePalette palette)
        {
            int itemSize = palette.Count * set.Width * set.Height;
            var result = new float[checked(set.Count * itemSize)];
            for (int i = 0; i < set.Count; i++)
            {
                palette.RgbaToOneHot(set.Items[i].Image.Pixels, result.AsSpan(i * itemSize, itemSize));
            }
            return result;
        }
    }
}
