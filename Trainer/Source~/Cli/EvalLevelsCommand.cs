using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Text.Json;
using VaeProcgen.Generation.Tiles;
using VaeProcgen.Trainer.Data.Levels;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>`eval-levels`: generate N seeded levels and print PCG metrics against the training levels as JSON.</summary>
    internal static class EvalLevelsCommand
    {
        public static Command Create()
        {
            var command = new Command("eval-levels", "Generate levels from a tiles model and print tile-pattern KL (vs the human baseline), novelty, diversity and unseen 2x2 rates as JSON.");
            var model = SharedOptions.Model();
            var data = new Option<string?>("--data") { Description = "Folder of the training VGLC *.txt levels (needs --legend). Default: the embedded Super Mario Bros levels." };
            var legend = new Option<string?>("--legend") { Description = "VGLC legend JSON of --data." };
            var count = new Option<int>("--count") { Description = "Levels to generate (seeds S, S+1, ...).", DefaultValueFactory = _ => 20 };
            var seed = SharedOptions.Seed(0);
            var segments = LevelsCommand.Segments();
            var temperature = LevelsCommand.Temperature();
            var candidates = LevelsCommand.Candidates();
            var backend = SharedOptions.BackendChoice();
            foreach (Option o in new Option[] { model, data, legend, count, seed, segments, temperature, candidates, backend }) command.Options.Add(o);
            command.SetAction(parsed => CommandLine.Guard(() =>
            {
                int n = parsed.GetValue(count);
                if (n < 1 || n > 1000) throw new UserErrorException($"--count must be between 1 and 1000 (got {n}).");
                using VaeModel vae = SharedOptions.LoadModel(parsed.GetValue(model)!, parsed.GetValue(backend)!);
                LevelGenerationOptions options = LevelsCommand.Options(vae, repair: false, parsed.GetValue(temperature), parsed.GetValue(candidates));
                var window = new TileWindowOptions { WindowWidth = vae.Contract.Width, WindowHeight = vae.Contract.Height };
                TileLevelDataset levels = TileDataPreparer.Load(parsed.GetValue(data), parsed.GetValue(legend), window);
                if (levels.TileCount != vae.Contract.Channels)
                    throw new UserErrorException($"The levels' legend has {levels.TileCount} tiles but the model has {vae.Contract.Channels}; pass the legend the model was trained with.");
                TilePatternSet patterns = vae.Contract.TilePatterns2x2 ?? new TilePatternSet(levels.Levels, 2);
                int segmentCount = LevelsCommand.CheckSegments(parsed.GetValue(segments));
                var raw = new List<TileGrid>();
                var repaired = new List<TileGrid>();
                for (int i = 0; i < n; i++)
                {
                    LevelGenerationResult result = vae.GenerateLevelDetailed(parsed.GetValue(seed) + i, segmentCount, options);
                    raw.Add(result.Grid);
                    repaired.Add(LevelRepair.Repair(result.Grid, patterns, result.Probabilities).Grid);
                }
                var report = LevelEvaluation.Evaluate(levels.Levels, raw, repaired, patterns, vae.Contract.Height, vae.Contract.Width);
                report["backend"] = vae.Backend.ToString();
                report["temperature"] = options.Temperature;
                report["candidates"] = options.CandidatesPerSegment;
                Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }));
            return command;
        }
    }
}
