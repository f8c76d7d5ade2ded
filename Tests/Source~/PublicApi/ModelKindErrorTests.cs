using System;
using System.Collections.Generic;
using NUnit.Framework;
using TorchSharp;
using VaeProcgen.Authoring;
using VaeProcgen.Contract;
using VaeProcgen.Generation;
using VaeProcgen.Generation.Tiles;
using VaeProcgen.Onnx;
using VaeProcgen.Trainer.Export;
using VaeProcgen.Trainer.Models;

namespace VaeProcgen.Tests.PublicApi
{
    /// <summary>
    /// One exception type, <see cref="VaeModelKindException"/>, for every call that needs another kind of model (a
    /// sprite call on a tiles model, level generation on a sprite or conditional model, a label on an unconditional
    /// model), and one label convention (label indices, <see cref="VaeModel.NoLabel"/> for none) on every entry point.
    /// Untrained 8x8 models exported in memory: loading them takes milliseconds.
    /// </summary>
    [TestFixture]
    public sealed class ModelKindErrorTests
    {
        private const int Latent = 4;
        private static readonly string[] Classes = { "potion", "ring" };
        private VaeModel sprites = null!, tiles = null!, conditionalSprites = null!, conditionalTiles = null!;

        [OneTimeSetUp]
        public void Export()
        {
            sprites = Build(ModelKind.Sprite, conditional: false);
            tiles = Build(ModelKind.Tiles, conditional: false);
            conditionalSprites = Build(ModelKind.Sprite, conditional: true);
            conditionalTiles = Build(ModelKind.Tiles, conditional: true);
        }

        [OneTimeTearDown]
        public void Dispose()
        {
            foreach (VaeModel? model in new[] { sprites, tiles, conditionalSprites, conditionalTiles }) model?.Dispose();
        }

        private static VaeModel Build(ModelKind kind, bool conditional)
        {
            var legend = new List<TileLegendEntry>
            {
                new TileLegendEntry('-', 0, new[] { "passable", "empty" }),
                new TileLegendEntry('X', 1, new[] { "solid" }),
                new TileLegendEntry('o', 2, new[] { "passable", "collectable" }),
            };
            int channels = kind == ModelKind.Tiles ? legend.Count : 4;
            var metadata = new ExportMetadata
            {
                Kind = kind,
                Likelihood = kind == ModelKind.Tiles ? Likelihood.Categorical : Likelihood.Bernoulli,
                TileLegendJson = kind == ModelKind.Tiles ? TileLegendJson.Format(legend) : null,
                ClassLabels = conditional ? Classes : new string[0],
                Preset = "tiny",
                DatasetFingerprint = "model-kind-tests",
            };
            lock (typeof(torch))
            {
                torch.manual_seed(5);
                using var vae = new ConvVae(new VaeArchitecture(new VaeShape(channels, 8, 8), VaePreset.Tiny, Latent, conditional ? Classes.Length : 0));
                byte[] decoder = OnnxSerializer.Serialize(OnnxExporter.BuildDecoder(vae, metadata));
                byte[] encoder = OnnxSerializer.Serialize(OnnxExporter.BuildEncoder(vae, metadata));
                return VaeModel.Load(decoder, encoder, new VaeModelOptions { Backend = Backends.Backend.Managed, Threads = 1 });
            }
        }

        private static void AssertKindError(TestDelegate call, ModelKind kind, string messagePart)
        {
            var error = Assert.Throws<VaeModelKindException>(call)!;
            Assert.That(error, Is.InstanceOf<VaeModelException>(), "one catch (VaeModelException) handles it");
            Assert.That(error.ModelKind, Is.EqualTo(kind));
            Assert.That(error.Message, Does.Contain(messagePart));
        }

        [Test]
        public void SpriteDecodeOnATilesModel_IsAKindError()
        {
            var z = tiles.SampleLatent(1);
            AssertKindError(() => tiles.GenerateRgba(1), ModelKind.Tiles, "needs a sprite model");
            AssertKindError(() => tiles.DecodeRgba(z, new byte[8 * 8 * 4]), ModelKind.Tiles, "needs a sprite model");
        }

        [Test]
        public void SpriteEncodeAndScoreOnATilesModel_AreKindErrors()
        {
            var rgba = new byte[8 * 8 * 4];
            AssertKindError(() => tiles.EncodeRgba(rgba), ModelKind.Tiles, "EncodeRgba needs a sprite model");
            AssertKindError(() => tiles.ScoreRgba(rgba), ModelKind.Tiles, "ScoreRgba needs a sprite model");
            AssertKindError(() => tiles.RgbaToItems(rgba, new float[tiles.ItemSize]), ModelKind.Tiles, "needs a sprite model");
        }

        [Test]
        public void VariationsOfATilesModel_AreAKindError()
        {
            AssertKindError(() => SpriteVariations.Vary(tiles, new byte[8 * 8 * 4], 2, 0.5f, 1), ModelKind.Tiles, "sprite variations needs a sprite model");
        }

        [Test]
        public void LevelGenerationOnASpriteModel_IsAKindError()
        {
            AssertKindError(() => sprites.GenerateLevel(1, 2), ModelKind.Sprite, "needs a tiles model");
            AssertKindError(() => sprites.DecodeTiles(sprites.SampleLatent(1)), ModelKind.Sprite, "needs a tiles model");
            AssertKindError(() => sprites.LevelOptions(repair: true), ModelKind.Sprite, "needs a tiles model");
        }

        [Test]
        public void LevelGenerationOnAConditionalTilesModel_IsAKindError()
        {
            var error = Assert.Throws<VaeModelKindException>(() => conditionalTiles.GenerateLevel(1, 2))!;
            Assert.That(error.IsConditional, Is.True);
            Assert.That(error.Message, Does.Contain("conditional"));
        }

        [Test]
        public void ALabelOnAnUnconditionalModel_IsAKindErrorOnEveryEntryPoint()
        {
            float[] z = sprites.SampleLatent(1);
            var rgba = new byte[8 * 8 * 4];
            var one = new[] { 0 };
            AssertKindError(() => sprites.GenerateRgba(1, 0), ModelKind.Sprite, "unconditional");
            AssertKindError(() => sprites.SampleLatent(1, 0), ModelKind.Sprite, "unconditional");
            AssertKindError(() => sprites.SampleLatents(1, 2, new float[2 * Latent], 1), ModelKind.Sprite, "unconditional");
            AssertKindError(() => sprites.Decode(z, new float[sprites.ItemSize], one), ModelKind.Sprite, "unconditional");
            AssertKindError(() => sprites.DecodeRgba(z, rgba, one), ModelKind.Sprite, "unconditional");
            AssertKindError(() => sprites.EncodeRgba(rgba, 0), ModelKind.Sprite, "unconditional");
            AssertKindError(() => sprites.ScoreRgba(rgba, 0, 1), ModelKind.Sprite, "unconditional");
            AssertKindError(() => sprites.BeginDecode(z, one), ModelKind.Sprite, "unconditional");
            AssertKindError(() => SpriteVariations.Vary(sprites, rgba, 2, 0.5f, 1, 0), ModelKind.Sprite, "unconditional");
            AssertKindError(() => sprites.LabelIndex("potion"), ModelKind.Sprite, "unconditional");
        }

        [Test]
        public void ConditionalModel_TakesLabelIndicesEverywhereAndNeedsOne()
        {
            int ring = conditionalSprites.LabelIndex("ring");
            Assert.That(ring, Is.EqualTo(1));
            Assert.That(conditionalSprites.Contract.ClassLabels[ring], Is.EqualTo("ring"), "names come back from ClassLabels[index]");

            // The single-item and the batch entry points agree for the same label index.
            var rgba = new byte[8 * 8 * 4];
            conditionalSprites.DecodeRgba(conditionalSprites.SampleLatent(3, ring), rgba, new[] { ring });
            Assert.That(conditionalSprites.GenerateRgba(3, ring), Is.EqualTo(rgba));
            var (mean, _) = conditionalSprites.EncodeRgba(rgba, ring);
            var batchMean = new float[Latent];
            var items = new float[conditionalSprites.ItemSize];
            conditionalSprites.RgbaToItems(rgba, items);
            conditionalSprites.Encode(items, batchMean, new float[Latent], new[] { ring });
            Assert.That(mean, Is.EqualTo(batchMean));
            Assert.That(conditionalSprites.ScoreRgba(rgba, 7, ring).NegativeElbo, Is.GreaterThan(0));

            // A conditional model without a (valid) label is an argument error naming the labels.
            Assert.That(() => conditionalSprites.GenerateRgba(3), Throws.ArgumentException.With.Message.Contains("potion, ring"));
            Assert.That(() => conditionalSprites.EncodeRgba(rgba, 2), Throws.ArgumentException.With.Message.Contains("0..1"));
            Assert.That(() => conditionalSprites.SampleLatent(3, 5), Throws.ArgumentException);
            Assert.That(() => conditionalSprites.LabelIndex("wand"), Throws.ArgumentException.With.Message.Contains("potion, ring"));
            Assert.That(conditionalSprites.SampleLatent(3, VaeModel.NoLabel), Has.Length.EqualTo(Latent), "NoLabel samples from all classes");
        }
    }
}
