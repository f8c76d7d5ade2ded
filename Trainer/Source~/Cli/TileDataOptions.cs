using System.CommandLine;
using VaeProcgen.Contract;
using VaeProcgen.Trainer.Data.Levels;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>The data-kind options of `train` and `demo`: --kind, and for tiles --legend, --window-width, --stride.</summary>
    internal sealed class TileDataOptions
    {
        private readonly Option<string> kind = new Option<string>("--kind") { Description = "What to train on: sprite (PNG images) or tiles (VGLC text levels).", DefaultValueFactory = _ => "sprite" };
        private readonly Option<string?> legend = new Option<string?>("--legend") { Description = "Tiles: VGLC legend JSON of the levels in --data (default: the embedded Super Mario Bros legend)." };
        private readonly Option<int> windowWidth = new Option<int>("--window-width") { Description = "Tiles: columns of a training window.", DefaultValueFactory = _ => 28 };
        private readonly Option<int> stride = new Option<int>("--stride") { Description = "Tiles: step in tiles between training windows.", DefaultValueFactory = _ => 1 };

        public TileDataOptions()
        {
            kind.AcceptOnlyFromAmong("sprite", "tiles");
        }

        public void AddTo(Command command, bool withKind = true)
        {
            if (withKind) command.Options.Add(kind);
            command.Options.Add(legend);
            command.Options.Add(windowWidth);
            command.Options.Add(stride);
        }

        public ModelKind Kind(ParseResult parsed) => parsed.GetValue(kind) == "tiles" ? ModelKind.Tiles : ModelKind.Sprite;

        public TileWindowOptions Window(ParseResult parsed, bool skipBadFiles)
        {
            int w = parsed.GetValue(windowWidth), s = parsed.GetValue(stride);
            if (w <= 0) throw new UserErrorException($"--window-width must be a positive integer (got {w}).");
            if (s <= 0) throw new UserErrorException($"--stride must be a positive integer (got {s}).");
            return new TileWindowOptions { WindowWidth = w, Stride = s, SkipBadFiles = skipBadFiles };
        }

        public string? Legend(ParseResult parsed) => parsed.GetValue(legend);

        /// <summary>Loads and splits tile levels from --data/--legend (embedded Mario levels when --data is absent).</summary>
        public PreparedData Prepare(ParseResult parsed, string? data, TrainingSettingsOptions settings, TrainingOptions options) =>
            TileDataPreparer.Prepare(data, Legend(parsed), Window(parsed, settings.SkipBadFiles(parsed)), settings.TestFraction(parsed, ModelKind.Tiles), (int)options.Seed);
    }
}
