using System;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Backends;
using VaeProcgen.Contract;
using VaeProcgen.Generation.Tiles;
using VaeProcgen.Trainer.Data.Levels;

namespace VaeProcgen.Tests.Tiles
{
    /// <summary>A trained tiles model through export, both runtime backends and level generation.</summary>
    [TestFixture]
    public sealed class TileModelTests
    {
        private static VaeModel Load(Backend backend) =>
            VaeModel.Load(TrainedTileModel.Folder, new VaeModelOptions { Backend = backend });

        [Test]
        public void ContractCarriesKindLegendAndTrainingPatterns()
        {
            using VaeModel model = Load(Backend.OnnxRuntime);
            ModelContract c = model.Contract;
            Assert.That(c.Kind, Is.EqualTo(ModelKind.Tiles));
            Assert.That(c.Likelihood, Is.EqualTo(Likelihood.Categorical));
            Assert.That((c.Channels, c.Height, c.Width), Is.EqualTo((13, 14, 28)));
            Assert.That(c.TileLegend.Select(e => e.Character), Is.EqualTo("-<>?BEQSX[]bo".ToCharArray()));
            Assert.That(c.TilePatterns2x2, Is.Not.Null);
            TileLevelDataset all = TileLevelDataset.LoadEmbedded(TrainedTileModel.Window);
            var (train, _) = all.Split(Trainer.Training.TileDataPreparer.DefaultTestFraction, 1);
            var expected = new TilePatternSet(train.Levels, 2);
            Assert.That(c.TilePatterns2x2!.Count, Is.EqualTo(expected.Count));
            Assert.That(train.Levels.Sum(level => c.TilePatterns2x2.CountUnseen(level)), Is.Zero);
        }

        [Test]
        public void BothBackendsDecodeTheSameProbabilities()
        {
            using VaeModel ort = Load(Backend.OnnxRuntime);
            using VaeModel managed = Load(Backend.Managed);
            Assert.That(managed.Backend, Is.EqualTo(Backend.Managed));
            const int batch = 4;
            var latents = new float[batch * ort.LatentSize];
            VaeProcgen.Generation.LatentSampler.SampleBatch(7, batch, ort.LatentSize, latents);
            var a = new float[batch * ort.ItemSize];
            var b = new float[batch * ort.ItemSize];
            ort.Decode(latents, a);
            managed.Decode(latents, b);
            double maxDiff = a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
            Assert.That(maxDiff, Is.LessThanOrEqualTo(1e-4));
            int plane = ort.Contract.Height * ort.Contract.Width;
            for (int cell = 0; cell < plane; cell += 37)
            {
                double sum = 0;
                for (int t = 0; t < ort.Contract.Channels; t++) sum += a[t * plane + cell];
                Assert.That(sum, Is.EqualTo(1.0).Within(1e-4), "softmax over tiles");
            }
        }

        [Test]
        public void RepairedLevelsHaveNoUnseenPatternsAndRepeatPerSeed([Values(Backend.OnnxRuntime, Backend.Managed)] Backend backend)
        {
            using VaeModel model = Load(backend);
            LevelGenerationOptions options = model.LevelOptions(repair: true, checkPlayability: false);
            TileGrid level = model.GenerateLevel(11, 3, options);
            Assert.That((level.Height, level.Width), Is.EqualTo((14, 28 + 2 * 24)));
            Assert.That(model.Contract.TilePatterns2x2!.CountUnseen(level), Is.Zero);
            Assert.That(model.GenerateLevel(11, 3, model.LevelOptions(repair: true, checkPlayability: false)), Is.EqualTo(level));
            Assert.That(model.Contract.LevelLayout, Is.EqualTo(LevelLayout.Horizontal));
            Assert.That(model.FittedPrior, Is.Not.Null, "tile models ship the fitted prior too");
            // Checked generation (the default) hands back a playable level or says it could not: this 2-epoch model rarely makes one.
            LevelGenerationResult checkedResult = model.GenerateLevelDetailed(11, 3, model.LevelOptions(repair: true));
            Assert.That(checkedResult.Playability, Is.Not.Null);
            if (checkedResult.IsPlayable) Assert.That(model.GenerateLevel(11, 3, model.LevelOptions(repair: true)), Is.EqualTo(checkedResult.Grid));
            else Assert.Throws<LevelGenerationException>(() => model.GenerateLevel(11, 3, model.LevelOptions(repair: true)));
        }

        [Test]
        public void DecodeTilesGivesArgmaxOrSeededSamples()
        {
            using VaeModel model = Load(Backend.Managed);
            float[] z = model.SampleLatent(3);
            TileGrid argmax = model.DecodeTiles(z);
            Assert.That((argmax.Height, argmax.Width), Is.EqualTo((14, 28)));
            Assert.That(model.DecodeTiles(z, temperature: 0.8, seed: 5), Is.EqualTo(model.DecodeTiles(z, temperature: 0.8, seed: 5)));
            Assert.Throws<ArgumentException>(() => model.DecodeTiles(new float[model.LatentSize + 1]));
        }
    }
}
