using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using VaeProcgen.Generation.Playability;
using VaeProcgen.Generation.Tiles;
using VaeProcgen.Trainer.Data.Levels;
using VaeProcgen.Trainer.Imaging;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>`eval-levels`: generate N seeded levels and print playability and PCG metrics against the training levels as JSON.</summary>
    internal static class EvalLevelsCommand
    {
        public static Command Create()
        {
            var command = new Command("eval-levels", "Generate levels from a tiles model and print playability (generated vs original), tile-pattern KL (vs the human baseline), novelty, diversity and unseen 2x2 rates as JSON.");
            var model = SharedOptions.Model();
            var data = new Option<string?>("--data") { Description = "Folder of the training VGLC *.txt levels (needs --legend). Default: the embedded level set of --game." };
            var legend = new Option<string?>("--legend") { Description = "VGLC legend JSON of --data." };
            var game = TileDataOptions.GameOption();
            var count = new Option<int>("--count") { Description = "Levels to generate (seeds S, S+1, ...).", DefaultValueFactory = _ => 20 };
            var seed = SharedOptions.Seed(0);
            var segments = LevelsCommand.Segments();
            var temperature = LevelsCommand.Temperature();
            var candidates = LevelsCommand.Candidates();
            var noCheck = LevelsCommand.NoCheck();
            var spread = LevelsCommand.PriorSpread();
            var movement = LevelsCommand.Movement();
            var objects = LevelsCommand.Objects();
            var previews = new Option<string?>("--previews") { Description = "Folder for one preview PNG per generated level (seed-S.png) with the checker's route drawn on it." };
            var backend = SharedOptions.BackendChoice();
            foreach (Option o in new Option[] { model, data, legend, game, count, seed, segments, temperature, candidates, noCheck, spread, movement, objects, previews, backend }) command.Options.Add(o);
            command.SetAction(parsed => CommandLine.Guard(() =>
            {
                int n = parsed.GetValue(count);
                if (n < 1 || n > 1000) throw new UserErrorException($"--count must be between 1 and 1000 (got {n}).");
                using VaeModel vae = SharedOptions.LoadModel(parsed.GetValue(model)!, parsed.GetValue(backend)!);
                bool check = !parsed.GetValue(noCheck);
                LevelGenerationOptions options = LevelsCommand.Options(vae, repair: false, parsed.GetValue(temperature), parsed.GetValue(candidates), check, parsed.GetValue(spread),
                    parsed.GetValue(movement)!, parsed.GetValue(objects)!);
                LevelLayout layout = vae.Contract.LevelLayout;
                var window = new TileWindowOptions { WindowWidth = vae.Contract.Width, WindowHeight = vae.Contract.Height, Layout = layout };
                TileLevelDataset levels = TileDataPreparer.Load(parsed.GetValue(data), parsed.GetValue(legend), window, parsed.GetValue(game));
                if (levels.TileCount != vae.Contract.Channels)
                    throw new UserErrorException($"The levels' legend has {levels.TileCount} tiles but the model has {vae.Contract.Channels}; pass the legend the model was trained with.");
                TilePatternSet patterns = vae.Contract.TilePatterns2x2 ?? new TilePatternSet(levels.Levels, 2);
                int segmentCount = layout == LevelLayout.Room ? 1 : LevelsCommand.CheckSegments(parsed.GetValue(segments));
                PlayabilityChecker checker = vae.PlayabilityChecker(LevelsCommand.Profile(parsed.GetValue(movement)!));
                string? previewFolder = parsed.GetValue(previews);
                if (previewFolder != null) Directory.CreateDirectory(previewFolder);
                var raw = new List<TileGrid>();
                var repaired = new List<TileGrid>();
                var checks = new List<PlayabilityResult>();
                int failures = 0;
                for (int i = 0; i < n; i++)
                {
                    long levelSeed = parsed.GetValue(seed) + i;
                    LevelGenerationResult result = vae.GenerateLevelDetailed(levelSeed, segmentCount, options);
                    if (result.Playability != null && !result.Playability.Playable) failures++;
                    raw.Add(result.Grid);
                    TileGrid fixedGrid = LevelRepair.Repair(result.Grid, patterns, result.Probabilities).Grid;
                    repaired.Add(checker.Check(fixedGrid).Playable || !checker.Check(result.Grid).Playable ? fixedGrid : result.Grid);
                    PlayabilityResult final = checker.Check(repaired[i]);
                    checks.Add(final);
                    if (previewFolder != null)
                        PngCodec.Save(TileLevelPreview.Render(repaired[i], vae.Contract.TileLegend, final.Path), Path.Combine(previewFolder, $"seed-{levelSeed}.png"));
                }
                var report = LevelEvaluation.Evaluate(levels.Levels, raw, repaired, patterns, vae.Contract.Height, vae.Contract.Width);
                report["playability"] = new Dictionary<string, object>
                {
                    ["profile"] = checker.Profile.ToString(),
                    ["generated_playable"] = checks.Count(c => c.Playable) / (double)checks.Count,
                    ["original_playable"] = levels.Levels.Count(level => checker.Check(level).Playable) / (double)levels.Levels.Count,
                    ["generation_gave_up"] = failures,
                };
                report["object_tiles"] = LevelEvaluation.ObjectCounts(checker.Roles, vae.Contract.TileLegend, levels.Levels, raw);
                report["objects_placed_by_count"] = options.ObjectCounts != null;
                report["layout"] = layout.ToString().ToLowerInvariant();
                report["backend"] = vae.Backend.ToString();
                report["temperature"] = options.Temperature;
                report["candidates"] = options.CandidatesPerSegment;
                report["fitted_prior"] = vae.FittedPrior != null;
                report["prior_spread"] = options.PriorSpread;
                Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }));
            return command;
        }
    }
}
