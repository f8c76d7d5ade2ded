using System.CommandLine;
using VaeProcgen.Contract;
using VaeProcgen.Generation.Tiles;
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
        private readonly Option<string> direction = new Option<string>("--direction") { Description = "Tiles: right (levels scroll left to right) or up (levels as wide as a window, played bottom to top). Without it (and without --room) the layout is read from the level sizes: rooms when all levels are one size of at most 64 x 64, up when all are at least twice as tall as wide, else right.", DefaultValueFactory = _ => "right" };
        private readonly Option<int> windowHeight = new Option<int>("--window-height") { Description = "Tiles with --direction up: rows of a training window.", DefaultValueFactory = _ => 16 };
        private readonly Option<bool> room = new Option<bool>("--room") { Description = "Tiles: every level is one single-screen room; a window is a whole room." };
        private readonly Option<string?> game = GameOption();

        /// <summary>--game: an embedded level set used when --data is absent.</summary>
        public static Option<string?> GameOption() =>
            new Option<string?>("--game") { Description = "Tiles without --data: the embedded level set (vglc-super-mario-bros, vglc-kid-icarus, vglc-lode-runner)." };

        public TileDataOptions()
        {
            kind.AcceptOnlyFromAmong("sprite", "tiles");
            direction.AcceptOnlyFromAmong("right", "up");
        }

        public void AddTo(Command command, bool withKind = true)
        {
            if (withKind) command.Options.Add(kind);
            command.Options.Add(legend);
            command.Options.Add(windowWidth);
            command.Options.Add(stride);
            command.Options.Add(direction);
            command.Options.Add(windowHeight);
            command.Options.Add(room);
            command.Options.Add(game);
        }

        public ModelKind Kind(ParseResult parsed) => parsed.GetValue(kind) == "tiles" ? ModelKind.Tiles : ModelKind.Sprite;

        public TileWindowOptions Window(ParseResult parsed, bool skipBadFiles)
        {
            int w = parsed.GetValue(windowWidth), s = parsed.GetValue(stride), h = parsed.GetValue(windowHeight);
            if (w <= 0) throw new UserErrorException($"--window-width must be a positive integer (got {w}).");
            if (s <= 0) throw new UserErrorException($"--stride must be a positive integer (got {s}).");
            if (h <= 0) throw new UserErrorException($"--window-height must be a positive integer (got {h}).");
            bool up = parsed.GetValue(direction) == "up";
            if (up && parsed.GetValue(room)) throw new UserErrorException("--room and --direction up cannot be combined: a room is one screen.");
            LevelLayout layout = parsed.GetValue(room) ? LevelLayout.Room : up ? LevelLayout.Vertical : LevelLayout.Horizontal;
            bool detect = parsed.GetResult(direction) is null or { Implicit: true } && !parsed.GetValue(room);
            return new TileWindowOptions { WindowWidth = w, WindowHeight = up || detect ? h : null, Stride = s, SkipBadFiles = skipBadFiles, Layout = layout, DetectLayout = detect };
        }

        public string? Legend(ParseResult parsed) => parsed.GetValue(legend);

        /// <summary>Loads and splits tile levels from --data/--legend (embedded Mario levels when --data is absent).</summary>
        public PreparedData Prepare(ParseResult parsed, string? data, TrainingSettingsOptions settings, TrainingOptions options) =>
            TileDataPreparer.Prepare(data, Legend(parsed), Window(parsed, settings.SkipBadFiles(parsed)), options.TestFraction, (int)options.Seed,
                parsed.GetValue(game));
    }
}
