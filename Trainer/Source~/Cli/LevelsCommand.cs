using System;
using System.CommandLine;
using System.IO;
using VaeProcgen.Contract;
using VaeProcgen.Generation.Playability;
using VaeProcgen.Generation.Tiles;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>`levels`: generate one seeded level from a tiles model and write it as VGLC text plus a preview PNG.</summary>
    internal static class LevelsCommand
    {
        public static Command Create()
        {
            var command = new Command("levels", "Generate a level from a tiles model: VGLC text (--out) and a preview PNG next to it.");
            var model = SharedOptions.Model();
            var seed = SharedOptions.Seed(0);
            var segments = Segments();
            var output = SharedOptions.Out("Text file for the level (the preview is written next to it with the .png extension).");
            var repair = new Option<bool>("--repair") { Description = "Repair the level so every 2x2 tile pattern occurs in the training levels." };
            var temperature = Temperature();
            var candidates = Candidates();
            var noCheck = NoCheck();
            var spread = PriorSpread();
            var movement = Movement();
            var objects = Objects();
            var backend = SharedOptions.BackendChoice();
            foreach (Option o in new Option[] { model, seed, segments, output, repair, temperature, candidates, noCheck, spread, movement, objects, backend }) command.Options.Add(o);
            command.SetAction(parsed => CommandLine.Guard(() =>
            {
                using VaeModel vae = SharedOptions.LoadModel(parsed.GetValue(model)!, parsed.GetValue(backend)!);
                LevelGenerationOptions options = Options(vae, parsed.GetValue(repair), parsed.GetValue(temperature), parsed.GetValue(candidates), !parsed.GetValue(noCheck), parsed.GetValue(spread),
                    parsed.GetValue(movement)!, parsed.GetValue(objects)!);
                string path = parsed.GetValue(output)!;
                LevelGenerationResult result = Write(vae, parsed.GetValue(seed), CheckSegments(parsed.GetValue(segments)), options, path);
                string repaired = result.Repair == null ? "not repaired" : $"repair changed {result.Repair.ChangedCells} cells, unseen 2x2 patterns {result.Repair.UnseenBefore} -> {result.Repair.UnseenAfter}";
                string check = result.Playability == null ? "not checked" : "playable: " + result.Playability.Reason;
                Console.WriteLine($"wrote a {result.Grid.Height} x {result.Grid.Width} level ({vae.Backend} backend, {repaired}; {check}) to {path} and {Path.ChangeExtension(path, ".png")}");
                return 0;
            }));
            return command;
        }

        public static Option<int> Segments() =>
            new Option<int>("--segments") { Description = "Stitched windows per level (9 gives 220 columns with the default 28-column window).", DefaultValueFactory = _ => LevelDefaults.Segments };

        public static Option<double> Temperature() =>
            new Option<double>("--temperature") { Description = "Tile sampling temperature (0 = most likely tile of each cell).", DefaultValueFactory = _ => LevelDefaults.Temperature };

        public static Option<int> Candidates() =>
            new Option<int>("--candidates") { Description = "Candidate latents per segment (the best continuation of the previous segment wins) or per room batch; 0 = the default: 4 for stitched levels, 8 for rooms.", DefaultValueFactory = _ => LevelDefaults.Candidates };

        public static Option<bool> NoCheck() =>
            new Option<bool>("--no-check") { Description = "Skip the playability check (by default every segment is checked and an unplayable level is an error)." };

        public static Option<double> PriorSpread() =>
            new Option<double>("--prior-spread") { Description = "Spread of the fitted prior around each training encoding (0 = decode the encodings, 1 = the fitted prior).", DefaultValueFactory = _ => LevelDefaults.PriorSpread };

        public static Option<string> Movement()
        {
            var option = new Option<string>("--movement")
            {
                Description = "Movement rules of the playability check: auto (from the model's layout and legend: top-down for rooms whose legend has doors and no ladders or platforms), side-scrolling, vertical, ladder-and-rope or top-down.",
                DefaultValueFactory = _ => "auto",
            };
            option.AcceptOnlyFromAmong("auto", "side-scrolling", "vertical", "ladder-and-rope", "top-down");
            return option;
        }

        public static Option<string> Objects()
        {
            var option = new Option<string>("--objects")
            {
                Description = "Place object tiles (gold, coins, keys, enemies) by the training levels' counts, which most-likely-tile decoding loses: auto (rooms only), on or off.",
                DefaultValueFactory = _ => "auto",
            };
            option.AcceptOnlyFromAmong("auto", "on", "off");
            return option;
        }

        /// <summary>The movement profile named by --movement; null for auto (the model's default).</summary>
        public static MovementProfile? Profile(string movement) => movement switch
        {
            "side-scrolling" => MovementProfile.SideScrolling(),
            "vertical" => MovementProfile.Vertical(),
            "ladder-and-rope" => MovementProfile.LadderAndRope(),
            "top-down" => MovementProfile.TopDown(),
            _ => null,
        };

        public static int CheckSegments(int segments) =>
            segments >= 1 && segments <= 1000 ? segments : throw new UserErrorException($"--segments must be between 1 and 1000 (got {segments}).");

        /// <summary>Checks the model kind and builds generation options (repair from the contract's training patterns).</summary>
        public static LevelGenerationOptions Options(VaeModel vae, bool repair, double temperature, int candidates, bool check = true, double spread = LevelDefaults.PriorSpread,
            string movement = "auto", string objects = "auto")
        {
            if (vae.Contract.Kind != ModelKind.Tiles) throw new UserErrorException("This is a sprite model; use 'sample' for it ('levels' needs a model trained with --kind tiles).");
            if (!(temperature >= 0) || double.IsInfinity(temperature)) throw new UserErrorException($"--temperature must be zero or positive (got {temperature}).");
            if (candidates < 0 || candidates > 256) throw new UserErrorException($"--candidates must be between 1 and 256, or 0 for the default (got {candidates}).");
            LevelGenerationOptions options = vae.LevelOptions(repair, temperature, check);
            if (!(spread >= 0) || double.IsInfinity(spread)) throw new UserErrorException($"--prior-spread must be zero or positive (got {spread}).");
            if (candidates > 0) options.CandidatesPerSegment = candidates;
            options.PriorSpread = spread;
            if (check) options.Playability = vae.PlayabilityChecker(Profile(movement));
            if (objects == "off" || !check) options.ObjectCounts = null;
            else if (objects == "on") options.ObjectCounts = vae.Contract.TileCounts
                ?? throw new UserErrorException("--objects on needs the training levels' tile counts, which this model was exported without; retrain it with the current trainer.");
            return options;
        }

        /// <summary>Generates the level and writes it to <paramref name="textPath"/> plus the preview PNG beside it.</summary>
        public static LevelGenerationResult Write(VaeModel vae, long seed, int segments, LevelGenerationOptions options, string textPath)
        {
            LevelGenerationResult result = LevelGenerator.RequirePlayable(vae.GenerateLevelDetailed(seed, segments, options));
            string? folder = Path.GetDirectoryName(Path.GetFullPath(textPath));
            if (folder != null) Directory.CreateDirectory(folder);
            File.WriteAllText(textPath, result.Grid.ToVglcText(vae.Contract.TileLegend) + "\n");
            PngCodec.Save(TileLevelPreview.Render(result.Grid, vae.Contract.TileLegend, result.Playability?.Path ?? Array.Empty<GridPoint>()), Path.ChangeExtension(textPath, ".png"));
            return result;
        }
    }
}
