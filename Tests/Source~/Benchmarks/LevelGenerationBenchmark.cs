using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using VaeProcgen.Backends;
using VaeProcgen.Generation.Tiles;

namespace VaeProcgen.Benchmarks
{
    /// <summary>
    /// A seeded level of at least <see cref="MinimumColumns"/> columns end to end: decode every segment's candidates
    /// through <see cref="VaeModel.Decode"/>, stitch (<see cref="LevelGenerator"/>, default options: 8 candidates,
    /// 4 overlap columns, argmax tiles) and repair against the 2x2 patterns of the embedded Mario levels
    /// (<see cref="LevelRepair"/>). Windows are 28 wide with a 24-column step, so 9 segments give 220 columns.
    /// <see cref="GeneratePlayableLevel"/> adds what the product does by default: latents from the model's fitted prior and
    /// the playability check of every candidate segment (side-scrolling profile), with backtracking, and a final check,
    /// with the product's <see cref="TileModelExtensions.StripCandidates"/> candidates per segment (object tiles are placed
    /// by count only in rooms by default, so not here).
    /// The built-in benchmark model is untrained, so its levels are never playable and the checked benchmark then times
    /// the search until it gives up; set the environment variable <c>VAEPROCGEN_LEVEL_MODEL</c> to a trained tiles model
    /// folder (e.g. from <c>vaeprocgen train --kind tiles</c>) to time the real case.
    /// </summary>
    [MemoryDiagnoser]
    public class LevelGenerationBenchmark
    {
        /// <summary>Level length asked for.</summary>
        public const int MinimumColumns = 200;

        private VaeModel model = null!;
        private LevelGenerationOptions options = null!;
        private LevelGenerationOptions checkedOptions = null!;
        private int segments;
        private float[] output = Array.Empty<float>();

        /// <summary>Engine running the decoder.</summary>
        [ParamsSource(nameof(Engines))]
        public Backend Engine { get; set; }

        /// <summary>Both engines, when the level model is selected.</summary>
        public static IEnumerable<Backend> Engines => BenchmarkSettings.LevelSelected ? new[] { Backend.OnnxRuntime, Backend.Managed } : Array.Empty<Backend>();

        /// <summary>Columns of the generated level.</summary>
        public int Columns => model.Contract.Width + (segments - 1) * (model.Contract.Width - options.OverlapColumns);

        [GlobalSetup]
        public void Setup()
        {
            var modelOptions = new VaeModelOptions { Backend = Engine, Threads = BenchmarkSettings.Threads };
            string? trained = Environment.GetEnvironmentVariable("VAEPROCGEN_LEVEL_MODEL");
            model = string.IsNullOrEmpty(trained)
                ? VaeModel.Load(BenchmarkModels.Get("level").DecoderOnnx, null, modelOptions)
                : VaeModel.Load(trained, modelOptions);
            options = new LevelGenerationOptions { RepairPatterns = new TilePatternSet(BenchmarkModels.Levels.Levels, 2) };
            int window = model.Contract.Width, step = window - options.OverlapColumns;
            segments = 1 + (MinimumColumns - window + step - 1) / step;
            checkedOptions = new LevelGenerationOptions
            {
                RepairPatterns = options.RepairPatterns,
                LatentPrior = model.FittedPrior,
                Playability = model.PlayabilityChecker(),
                CandidatesPerSegment = TileModelExtensions.StripCandidates,
            };
            GenerateLevel();
            GeneratePlayableLevel();
        }

        [Benchmark]
        public TileGrid GenerateLevel() =>
            LevelGenerator.Generate(DecodeProbabilities, model.LatentSize, model.Contract.Channels, model.Contract.Height, model.Contract.Width, seed: 7, segments, options);

        /// <summary>Decode + stitch + check every candidate segment + repair + final check (the result may be unplayable for a weak model; it is not thrown).</summary>
        [Benchmark]
        public LevelGenerationResult GeneratePlayableLevel() =>
            LevelGenerator.GenerateDetailed(DecodeProbabilities, model.LatentSize, model.Contract.Channels, model.Contract.Height, model.Contract.Width, seed: 7, segments, checkedOptions);

        /// <summary>Decodes into one reused buffer, as <see cref="TileModelExtensions.GenerateLevelDetailed"/> does (the generator copies each batch out).</summary>
        private float[] DecodeProbabilities(float[] latents)
        {
            int length = latents.Length / model.LatentSize * model.ItemSize;
            if (output.Length != length) output = new float[length];
            model.Decode(latents, output);
            return output;
        }

        [GlobalCleanup]
        public void Cleanup() => model.Dispose();
    }
}
