using System.Collections.Generic;
using System.CommandLine;
using VaeProcgen.Authoring;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>`--palette` and `--alpha-threshold`: snap generated sprites to the model's training palette.</summary>
    internal sealed class PaletteOptions
    {
        private readonly Option<bool> palette = new Option<bool>("--palette") { Description = "Snap pixels to the training palette stored in the model (nearest colour in OKLab) for crisp pixel art." };
        private readonly Option<int> alphaThreshold = new Option<int>("--alpha-threshold") { Description = "With --palette: alpha below this (0-255) becomes transparent, the rest opaque.", DefaultValueFactory = _ => PaletteSnapper.DefaultAlphaThreshold };

        public void AddTo(Command command)
        {
            command.Options.Add(palette);
            command.Options.Add(alphaThreshold);
        }

        /// <summary>The snapper the options ask for, or null without --palette.</summary>
        public PaletteSnapper? Read(ParseResult parsed, VaeModel vae)
        {
            if (!parsed.GetValue(palette)) return null;
            int threshold = parsed.GetValue(alphaThreshold);
            if (threshold < 0 || threshold > 255) throw new UserErrorException($"--alpha-threshold must be between 0 and 255 (got {threshold}).");
            if (vae.Contract.Palette.Count == 0) throw new UserErrorException("This model stores no training palette; retrain it with the current trainer to use --palette.");
            return new PaletteSnapper(vae.Contract.Palette, (byte)threshold);
        }

        /// <summary>Snaps every image in place (no-op when <paramref name="snapper"/> is null).</summary>
        public static void Apply(PaletteSnapper? snapper, IEnumerable<RgbaImage> images)
        {
            if (snapper == null) return;
            foreach (RgbaImage image in images) snapper.Snap(image.Pixels);
        }
    }
}
