using System;
using System.Collections.Generic;
using TorchSharp;
using VaeProcgen.Contract;
using VaeProcgen.Onnx;
using VaeProcgen.Trainer.Data.Levels;
using VaeProcgen.Trainer.Export;
using VaeProcgen.Trainer.Models;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Benchmarks
{
    /// <summary>One decoder under test: its exported ONNX bytes and the architecture it came from.</summary>
    internal sealed class BenchmarkModel
    {
        public BenchmarkModel(string name, VaeArchitecture architecture, byte[] decoderOnnx)
        {
            Name = name;
            Architecture = architecture;
            DecoderOnnx = decoderOnnx;
        }

        public string Name { get; }
        public VaeArchitecture Architecture { get; }
        public byte[] DecoderOnnx { get; }
        public int LatentSize => Architecture.LatentSize;
        public int ItemSize => Architecture.Shape.ElementCount;

        /// <summary>Floating-point operations of one decode of <paramref name="batch"/> items (2 per multiply-accumulate).</summary>
        public double DecoderFlops(int batch) => 2.0 * Architecture.DecoderMacsPerItem * batch;
    }

    /// <summary>
    /// Builds the decoders the benchmarks run, straight from freshly initialised (untrained) <see cref="ConvVae"/>s
    /// through the project's exporter: untrained weights cost the same to run as trained ones. Cached per name.
    /// </summary>
    internal static class BenchmarkModels
    {
        /// <summary>Global latent size of the benchmark models (two-level sprite models add their local map).</summary>
        public const int LatentSize = 32;
        /// <summary>Sprite size of the sprite presets (the trainer's default).</summary>
        public const int SpriteSize = 32;
        /// <summary>Preset of the level model (the trainer's default preset).</summary>
        public const string LevelPreset = "base";

        private static readonly Dictionary<string, BenchmarkModel> Cache = new Dictionary<string, BenchmarkModel>();
        private static TileLevelDataset? levels;

        /// <summary>The embedded Super Mario Bros levels (14 x 28 windows), loaded once.</summary>
        public static TileLevelDataset Levels => levels ??= TileLevelDataset.LoadEmbedded(new TileWindowOptions());

        public static BenchmarkModel Get(string name)
        {
            lock (Cache)
            {
                if (!Cache.TryGetValue(name, out BenchmarkModel? model))
                {
                    model = name == "level" ? BuildLevel() : BuildSprite(name);
                    Cache.Add(name, model);
                }
                return model;
            }
        }

        private static BenchmarkModel BuildSprite(string preset)
        {
            var architecture = new VaeArchitecture(new VaeShape(4, SpriteSize, SpriteSize), VaePreset.Parse(preset), LatentSize, 0, localLatentChannels: TrainingOptions.SpriteLocalLatentChannels, localLatentCell: TrainingOptions.SpriteLocalLatentCell);
            var metadata = new ExportMetadata { Kind = ModelKind.Sprite, Likelihood = Likelihood.Bernoulli, Preset = preset, DatasetFingerprint = "benchmark" };
            return new BenchmarkModel(preset, architecture, Export(architecture, metadata));
        }

        private static BenchmarkModel BuildLevel()
        {
            TileLevelDataset data = Levels;
            var architecture = new VaeArchitecture(new VaeShape(data.TileCount, data.WindowHeight, data.WindowWidth), VaePreset.Parse(LevelPreset), LatentSize, 0);
            var metadata = new ExportMetadata
            {
                Kind = ModelKind.Tiles,
                Likelihood = Likelihood.Categorical,
                TileLegendJson = TileLegendJson.Format(data.Legend),
                Preset = LevelPreset,
                DatasetFingerprint = "benchmark",
            };
            return new BenchmarkModel("level", architecture, Export(architecture, metadata));
        }

        private static byte[] Export(VaeArchitecture architecture, ExportMetadata metadata)
        {
            torch.manual_seed(1);
            using var vae = new ConvVae(architecture);
            OnnxModel decoder = OnnxExporter.BuildDecoder(vae, metadata);
            return OnnxSerializer.Serialize(decoder);
        }

        /// <summary>Seeded standard-normal latents for <paramref name="batch"/> items of a model with <paramref name="latentSize"/> latent values.</summary>
        public static float[] Latents(int batch, int latentSize, long seed = 42)
        {
            var z = new float[batch * latentSize];
            var random = new Random((int)seed);
            for (int i = 0; i < z.Length; i++)
            {
                double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
                z[i] = (float)(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
            }
            return z;
        }
    }
}
