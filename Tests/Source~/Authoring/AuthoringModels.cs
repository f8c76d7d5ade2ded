using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Trainer.Imaging;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Tests.Authoring
{
    /// <summary>
    /// The tiny models shared by the authoring tests, trained once per test run (16x16 sprites, seeded):
    /// an unconditional model on potions + rings and a conditional one on the same classes.
    /// </summary>
    internal static class AuthoringModels
    {
        public const int Size = 16;
        public const double TestFraction = 0.2;
        public const int SplitSeed = 1;
        private static readonly string[] TrainClasses = { "potion", "ring" };
        private static readonly Lazy<string> unconditional = new Lazy<string>(() => Train("unconditional", conditional: false, epochs: 12), LazyThreadSafetyMode.ExecutionAndPublication);
        private static readonly Lazy<string> conditional = new Lazy<string>(() => Train("conditional", conditional: true, epochs: 2), LazyThreadSafetyMode.ExecutionAndPublication);
        private static readonly Lazy<string> palette = new Lazy<string>(() => Train("palette", conditional: false, epochs: 12, PaletteColours), LazyThreadSafetyMode.ExecutionAndPublication);
        private static readonly Lazy<SpriteDataset> embedded = new Lazy<SpriteDataset>(() => SpriteDataset.LoadEmbedded(new SpriteLoadOptions { Width = Size, Height = Size }));

        /// <summary>Folder of the unconditional potion+ring model.</summary>
        public static string Unconditional => unconditional.Value;
        /// <summary>Folder of the conditional potion+ring model.</summary>
        public static string Conditional => conditional.Value;
        /// <summary>Opaque colours of the palette model (it has one more channel: transparency).</summary>
        public const int PaletteColours = 15;
        /// <summary>Folder of the unconditional potion+ring model with the palette-categorical likelihood.</summary>
        public static string Palette => palette.Value;
        /// <summary>All embedded sprites at 16x16.</summary>
        public static SpriteDataset Embedded => embedded.Value;

        /// <summary>The potion + ring subset the models train on (before the split).</summary>
        public static SpriteDataset TrainingClasses() =>
            Embedded.Subset(Enumerable.Range(0, Embedded.Count).Where(i => TrainClasses.Contains(Embedded.Items[i].Label)));

        /// <summary>Held-out potions and rings (the split the training job holds out).</summary>
        public static SpriteDataset HeldOut() => TrainingClasses().Split(TestFraction, SplitSeed).Test;

        /// <summary>Up to <paramref name="perClass"/> sprites of each of the given classes.</summary>
        public static SpriteDataset OfClasses(int perClass, params string[] classes) =>
            Embedded.Subset(classes.SelectMany(c => Enumerable.Range(0, Embedded.Count).Where(i => Embedded.Items[i].Label == c).Take(perClass)));

        /// <summary>Writes a dataset's sprites as PNGs into a folder (label sub-folders kept).</summary>
        public static string WriteFolder(SpriteDataset set, string folder)
        {
            foreach (SpriteItem item in set.Items)
            {
                string path = Path.Combine(folder, item.SourceName);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                PngCodec.Save(item.Image, path);
            }
            return folder;
        }

        private static string Train(string name, bool conditional, int epochs, int paletteColours = 0)
        {
            string folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "authoring-models", name);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            var options = new TrainingOptions { Epochs = epochs, BatchSize = 16, WarmupSteps = 40, LearningRate = 3e-3, Seed = 3, TestFraction = TestFraction };
            if (paletteColours > 0)
            {
                options.Likelihood = VaeProcgen.Contract.Likelihood.Categorical;
                options.PaletteColours = paletteColours;
            }
            using PreparedData data = SpriteDataPreparer.Prepare(TrainingClasses(), TestFraction, SplitSeed, conditional, paletteColours);
            RunDescription run = TrainingJob.Describe(data, "tiny", 8, conditional, options);
            TrainingResult result = new TrainingJob(folder, run, resume: false).Execute(data, new SilentObserver(), CancellationToken.None);
            Assert.That(result.Completed, Is.True);
            return folder;
        }

        private sealed class SilentObserver : ITrainingObserver
        {
            public void EpochStarted(int epoch, int totalEpochs, int batches, int firstBatch) { }
            public void BatchFinished(int epoch, int batch, double loss) { }
            public void EpochFinished(EpochMetrics metrics) => TestContext.Progress.WriteLine($"authoring model epoch {metrics.Epoch}: held-out -ELBO {metrics.TestNegElbo:F1}");
        }
    }
}
