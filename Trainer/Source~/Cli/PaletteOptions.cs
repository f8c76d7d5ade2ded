using System.Collections.Generic;
using System.CommandLine;
using VaeProcgen.Authoring;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>
    /// `--pixels` and `--alpha-threshold`: how generated sprites are written. By default every pixel of a sprite model
    /// that stores its training palette is snapped to that palette (crisp pixel art, hard alpha); `smooth` keeps the
    /// decoder's colours and soft alpha. Commands that vary one sprite also offer `source`, their default: the sprite's
    /// own colours (<see cref="SourceColourSnapper"/>).
    /// </summary>
    internal sealed class PaletteOptions
    {
        private const string Source = "source";
        private const string Palette = "palette";
        private const string Smooth = "smooth";
        private const string PaletteHelp = "palette (each pixel becomes the nearest training colour in OKLab and alpha is cut at --alpha-threshold, for crisp pixel art; needs a model that stores its training palette)";
        private const string SmoothHelp = "smooth (the decoder's own colours and soft alpha)";
        private readonly Option<string> pixels;
        private readonly Option<int> alphaThreshold = new Option<int>("--alpha-threshold") { Description = "Unless --pixels smooth: alpha below this (0-255) becomes transparent, the rest opaque.", DefaultValueFactory = _ => PaletteSnapper.DefaultAlphaThreshold };

        /// <param name="ofSource">Offer `source` and make it the default (commands that vary one sprite).</param>
        public PaletteOptions(bool ofSource = false)
        {
            string description = ofSource
                ? $"source (default: each pixel becomes the nearest in OKLab of the input sprite's own colours near the same place, so the variations keep its colours), {PaletteHelp}, or {SmoothHelp}."
                : $"{PaletteHelp} (the default when the model stores one), or {SmoothHelp}.";
            pixels = new Option<string>("--pixels") { Description = description, DefaultValueFactory = _ => ofSource ? Source : Palette };
            if (ofSource) pixels.AcceptOnlyFromAmong(Source, Palette, Smooth);
            else pixels.AcceptOnlyFromAmong(Palette, Smooth);
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
            byte threshold = Threshold(parsed);
            if (vae.Contract.Palette.Count == 0)
            {
                if (parsed.GetValue(pixels) == Palette && parsed.GetResult(pixels) is { Implicit: false }) throw new UserErrorException("This model stores no training palette; retrain it with the current trainer to use --pixels palette.");
                return null;
            }
            return new PaletteSnapper(vae.Contract.Palette, threshold);
        }

        /// <summary>
        /// The snapper for variations of <paramref name="source"/>: with `source` (offered by commands that vary one sprite),
        /// its own colours (<see cref="SourceColourSnapper"/>; the model's palette for a fully transparent source), else as
        /// <see cref="Read(ParseResult, VaeModel)"/>.
        /// </summary>
        /// <exception cref="UserErrorException">As <see cref="Read(ParseResult, VaeModel)"/>.</exception>
        public IPixelSnapper? ReadForVariations(ParseResult parsed, VaeModel vae, RgbaImage source)
        {
            if (parsed.GetValue(pixels) != Source) return Read(parsed, vae);
            return (IPixelSnapper?)SourceColourSnapper.ForSprite(source.Pixels, source.Width, source.Height, Threshold(parsed)) ?? Read(parsed, vae);
        }

        private byte Threshold(ParseResult parsed)
        {
            int threshold = parsed.GetValue(alphaThreshold);
            if (threshold < 0 || threshold > 255) throw new UserErrorException($"--alpha-threshold must be between 0 and 255 (got {threshold}).");
            return (byte)threshold;
        }

        /// <summary>Snaps every image in place (no-op when <paramref name="snapper"/> is null).</summary>
        public static void Apply(IPixelSnapper? snapper, IEnumerable<RgbaImage> images)
        {
            if (snapper == null) return;
            foreach (RgbaImage image in images) snapper.Snap(image.Pixels);
        }
    }
}
