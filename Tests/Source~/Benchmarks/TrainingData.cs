using System;
using System.Linq;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Benchmarks
{
    /// <summary>The training items both training benchmarks use: the first embedded sprites, as one tensor.</summary>
    internal static class TrainingData
    {
        /// <summary>Items per Adam step (the trainer's default).</summary>
        public const int BatchSize = 32;
        /// <summary>Adam steps per benchmark operation.</summary>
        public const int StepsPerOperation = 4;
        /// <summary>Items per benchmark operation.</summary>
        public const int ItemsPerOperation = BatchSize * StepsPerOperation;

        /// <summary>Training set of <see cref="ItemsPerOperation"/> sprites.</summary>
        public static TrainingSet Train() => FromSprites(Enumerable.Range(0, ItemsPerOperation));

        /// <summary>A one-item held-out set: the trainer evaluates once per epoch, and this keeps that cost negligible.</summary>
        public static TrainingSet OneItemTest() => FromSprites(new[] { ItemsPerOperation });

        private static TrainingSet FromSprites(System.Collections.Generic.IEnumerable<int> indices)
        {
            SpriteDataset all = SpriteDataset.LoadEmbedded(new SpriteLoadOptions { Width = BenchmarkModels.SpriteSize, Height = BenchmarkModels.SpriteSize });
            int[] wanted = indices.Select(i => i % all.Count).ToArray();
            if (all.Count <= ItemsPerOperation) Console.WriteLine($"Note: only {all.Count} embedded sprites; items repeat.");
            SpriteDataset subset = all.Subset(wanted);
            return new TrainingSet(subset.ToPlanarFloats(), subset.Count, 4, all.Height, all.Width);
        }
    }
}
