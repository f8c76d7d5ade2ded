using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Generation;
using VaeProcgen.Generation.Tiles;

namespace VaeProcgen.Tests.Levels
{
    [TestFixture]
    public class LevelGeneratorTests
    {
        private const int Tiles = 13, Height = 14, WindowWidth = 28, LatentSize = 2, Segments = 8;

        private IReadOnlyList<TileGrid> _windows = null!;
        private TilePatternSet _seen = null!;

        [OneTimeSetUp]
        public void Load()
        {
            _windows = LevelTestData.Mario.Windows;
            _seen = new TilePatternSet(LevelTestData.Mario.Levels, 2);
        }

        /// <summary>Fake decoder: the latent's first coordinate picks a training window (logistic of z0 → index); 0.88 on its tile, 0.01 elsewhere.</summary>
        private float[] Decode(float[] latents)
        {
            int batch = latents.Length / LatentSize, size = Tiles * Height * WindowWidth, plane = Height * WindowWidth;
            var result = new float[batch * size];
            for (int b = 0; b < batch; b++)
            {
                double u = 1 / (1 + Math.Exp(-1.7 * latents[b * LatentSize]));
                TileGrid window = _windows[Math.Min(_windows.Count - 1, (int)(u * _windows.Count))];
                for (int cell = 0; cell < plane; cell++)
                    for (int t = 0; t < Tiles; t++)
                        result[b * size + t * plane + cell] = t == window.Cells[cell] ? 0.88f : 0.01f;
            }
            return result;
        }

        private TileGrid Generate(long seed, LevelGenerationOptions options) =>
            LevelGenerator.Generate(Decode, LatentSize, Tiles, Height, WindowWidth, seed, Segments, options);

        [Test]
        public void SameSeedSameLevel_DifferentSeedDifferentLevel()
        {
            var options = new LevelGenerationOptions { Temperature = 0.7 };
            TileGrid a = Generate(5, options), b = Generate(5, options), c = Generate(6, options);
            Assert.That(a.Width, Is.EqualTo(WindowWidth + (Segments - 1) * (WindowWidth - options.OverlapColumns)));
            Assert.That(a.Height, Is.EqualTo(Height));
            Assert.That(b, Is.EqualTo(a));
            Assert.That(c, Is.Not.EqualTo(a));
        }

        [Test]
        public void Stitching_HasFewerUnseenPatternsThanNaiveConcatenation()
        {
            int stitched = 0, naive = 0;
            for (long seed = 1; seed <= 6; seed++)
            {
                stitched += _seen.CountUnseen(Generate(seed, new LevelGenerationOptions { CandidatesPerSegment = 16, OverlapColumns = 2 }));
                var random = new DeterministicRandom(seed);
                var segments = new List<TileGrid>();
                for (int s = 0; s < Segments; s++)
                {
                    float[] z = { (float)random.NextNormal(), (float)random.NextNormal() };
                    segments.Add(TileDecoding.Argmax(Decode(z), Tiles, Height, WindowWidth));
                }
                naive += _seen.CountUnseen(TileGrid.Concatenate(segments));
            }
            TestContext.Out.WriteLine($"unseen 2x2 over 6 levels of {Segments} segments: stitched {stitched}, naive {naive}");
            Assert.That(stitched, Is.LessThan(naive));
        }

        [Test]
        public void Repair_LeavesNoUnseenPatterns()
        {
            var options = new LevelGenerationOptions { Temperature = 1.0, RepairPatterns = _seen };
            LevelGenerationResult result = LevelGenerator.GenerateDetailed(Decode, LatentSize, Tiles, Height, WindowWidth, 3, Segments, options);
            Assert.That(result.Repair, Is.Not.Null);
            Assert.That(result.Repair!.UnseenBefore, Is.GreaterThan(0));
            Assert.That(result.Repair.Succeeded, Is.True);
            Assert.That(_seen.CountUnseen(result.Grid), Is.EqualTo(0));
            Assert.That(result.Probabilities, Has.Length.EqualTo(Tiles * Height * result.Grid.Width));
        }

        [Test]
        public void WrongDecoderOutputSize_IsReported()
        {
            Assert.Throws<InvalidOperationException>(() =>
                LevelGenerator.Generate(_ => new float[3], LatentSize, Tiles, Height, WindowWidth, 1, 2, new LevelGenerationOptions()));
        }
    }
}
