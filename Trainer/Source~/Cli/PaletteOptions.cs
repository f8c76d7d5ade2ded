using System.Collections.Generic;
using System.CommandLine;
using VaeProcgen.Authoring;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>
    /// `--pixels palette|smooth` and `--alpha-threshold`: how generated sprites are written. By default every pixel of a
    /// sprite model that stores its training palette is snapped to that palette (crisp pixel art, hard alpha); `smooth`
    /// keeps the decoder's colours and soft alpha.
    /// </summary>
    internal sealed class PaletteOptions
    {
        private const string Palette = "palette";
        private const string Smooth = "smooth";
        private readonly Option<string> pixels = new Option<string>("--pixels") { Description = "palette (default for models that store their training palette: each pixel becomes the nearest training colour in OKLab and alpha is cut at --alpha-threshold, for crisp pixel art) or smooth (the decoder's own colours and soft alpha).", DefaultValueFactory = _ => Palette };
        private readonly Option<int> alphaThreshold = new Option<int>("--alpha-threshold") { Description = "With --pixels palette: alpha below this (0-255) becomes transparent, the rest opaque.", DefaultValueFactory = _ => PaletteSnapper.DefaultAlphaThreshold };

        public PaletteOptions()
        {
            pixels.AcceptOnlyFromAmong(Palette, Smooth);
        }

        public void AddTo(Command command)
        {
            command.Options.Add(pixels);
            command.Options.Add(alphaThreshold);
        }

        /// <summary>
        /// The snapper the options ask for, or null for smooth pixels (also the default for a model that stores no
        /// palette: tile models and sprite models trained before palettes were stored).
        /// </summary>
        /// <exception cref="UserErrorException">A bad --alpha-threshold, or --pixels palette typed for a model without a palette.</exception>
        public PaletteSnapper? Read(ParseResult parsed, VaeModel vae)
        {
            if (parsed.GetValue(pixels) == Smooth) return null;
            int threshold = parsed.GetValue(alphaThreshold);
            if (threshold < 0 || threshold > 255) throw new UserErrorException($"--alpha-threshold must be between 0 and 255 (got {threshold}).");
            if (vae.Contract.Palette.Count == 0)
            {
                if (parsed.GetResult(pixels) is { Implicit: false }) throw new UserErrorException("This model stores no training palette; retrain it with the current trainer to use --pixels palette.");
                return null;
            }
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
