using System.CommandLine;
using System.IO;
using VaeProcgen.Contract;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Trainer.Imaging;
using VaeProcgen.Trainer.Models;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>`train`: learn a VAE from a PNG folder (or the embedded sprites) and export it.</summary>
    internal static class TrainCommand
    {
        public static Command Create()
        {
            var command = new Command("train", "Train a VAE and export decoder.onnx / encoder.onnx.");
            var data = new Option<string?>("--data") { Description = "Sprites: folder of PNGs (searched recursively; first sub-folder = class label), default the embedded DCSS item set. Tiles: folder of VGLC *.txt levels (needs --legend), default the embedded Super Mario Bros levels." };
            var tiles = new TileDataOptions();
            var output = SharedOptions.Out("Output folder for the model, metrics.jsonl and checkpoint.bin.");
            var settings = new TrainingSettingsOptions();
            var sheet = new SheetOptions();
            var resume = new Option<bool>("--resume") { Description = "Continue from checkpoint.bin in --out." };
            var tensorBoard = new Option<string?>("--tensorboard") { Description = "Write TensorBoard event files to this folder." };
            command.Options.Add(data);
            command.Options.Add(output);
            settings.AddTo(command);
            sheet.AddTo(command);
            tiles.AddTo(command);
            command.Options.Add(resume);
            command.Options.Add(tensorBoard);
            command.SetAction(parsed => CommandLine.Guard(() =>
            {
                ModelKind kind = tiles.Kind(parsed);
                TrainingOptions options = settings.Read(parsed, kind);
                string checkpoint = Path.Combine(parsed.GetValue(output)!, Checkpoint.FileName);
                var saved = parsed.GetValue(resume) && File.Exists(checkpoint) ? Checkpoint.ReadHeader(checkpoint) : ((RunDescription Run, TrainingProgressState State)?)null;
                if (saved != null) settings.AdoptSplitOf(parsed, saved.Value.Run.Options, options);
                using PreparedData prepared = Prepare(parsed, kind, parsed.GetValue(data), settings, tiles, sheet, options);
                ReportSkipped(prepared);
                ReportLegend(prepared);
                settings.ApplyLayoutDefaults(parsed, prepared, options);
                RunDescription run = TrainingJob.Describe(prepared, settings.Preset(parsed, prepared, options), settings.Latent(parsed, kind), settings.Conditional(parsed), options);
                settings.ApplyPrior(parsed, run);
                var job = new TrainingJob(parsed.GetValue(output)!, run, parsed.GetValue(resume))
                {
                    TensorBoardFolder = parsed.GetValue(tensorBoard),
                    ResumeOverrides = resumed => settings.ApplyTyped(parsed, resumed),
                    SavedHeader = saved,
                };
                RunDescription shown = job.ResolveRun();
                VaeArchitecture arch = TrainingJob.Architecture(shown, prepared);
                TrainingConsole.PrintHeader(prepared, shown, ParameterCount(arch), arch.DecoderMacsPerItem * 2);
                TrainingResult result = TrainingConsole.Run(job, prepared);
                return result.Completed ? 0 : 130;
            }));
            return command;
        }

        /// <summary>Tiles: says on stderr which legend tiles have no tag the playability checker knows (it plays them as empty space).</summary>
        private static void ReportLegend(PreparedData prepared)
        {
            if (prepared.TileLegendJson == null) return;
            var legend = TileLegendJson.Parse(prepared.TileLegendJson, prepared.Channels);
            if (legend == null) return;
            foreach (var entry in VaeProcgen.Generation.Playability.TileRoles.WithoutKnownTags(legend))
            {
                System.Console.Error.WriteLine($"note: legend tile '{entry.Character}' ({string.Join(", ", entry.Tags)}) has no tag the playability checker knows, so levels are checked as if it were empty space; tag it 'solid' or 'passable' (known tags: {string.Join(", ", VaeProcgen.Generation.Playability.TileRoles.KnownTags)}).");
            }
        }

        /// <summary>With --skip-bad-files, says on stderr how many files were left out and why (first few named).</summary>
        private static void ReportSkipped(PreparedData prepared)
        {
            var skipped = prepared.SkippedFiles;
            if (skipped.Count == 0) return;
            System.Console.Error.WriteLine($"warning: skipped {skipped.Count} bad file(s) (--skip-bad-files):");
            for (int i = 0; i < skipped.Count && i < 10; i++)
            {
                System.Console.Error.WriteLine($"  {skipped[i].File}: {skipped[i].Reason}");
            }
            if (skipped.Count > 10) System.Console.Error.WriteLine($"  ... and {skipped.Count - 10} more");
        }

        /// <summary>Sprites or tiles from --data (embedded set when absent), split for training.</summary>
        public static PreparedData Prepare(ParseResult parsed, ModelKind kind, string? data, TrainingSettingsOptions settings, TileDataOptions tiles, SheetOptions? sheet, TrainingOptions options)
        {
            if (kind == ModelKind.Sprite)
            {
                if (tiles.Legend(parsed) != null) throw new UserErrorException("--legend applies to --kind tiles only.");
                SpriteLoadOptions load = settings.ReadLoadOptions(parsed, sheet?.SlicesAutomatically(parsed) == true);
                SpriteDataset? sliced = sheet?.Load(parsed, load);
                return sliced != null
                    ? SpriteDataPreparer.Prepare(sliced, options.TestFraction, (int)options.Seed, settings.Conditional(parsed), options.PaletteColours)
                    : SpriteDataPreparer.Prepare(data, load, options.TestFraction, (int)options.Seed, settings.Conditional(parsed), options.PaletteColours);
            }
            if (settings.Conditional(parsed)) throw new UserErrorException("--conditional is not supported for --kind tiles (levels have no class labels).");
            return tiles.Prepare(parsed, data, settings, options);
        }

        private static long ParameterCount(VaeArchitecture arch)
        {
            using var model = new ConvVae(arch);
            return model.ParameterCount;
        }
    }
}
