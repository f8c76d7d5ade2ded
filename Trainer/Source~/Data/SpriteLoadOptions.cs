using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Trainer.Data
{
    /// <summary>How sprites are loaded: model size, fit mode and what to do with bad files.</summary>
    public sealed class SpriteLoadOptions
    {
        /// <summary>Model input width in pixels (default 32).</summary>
        public int Width { get; init; } = 32;

        /// <summary>Model input height in pixels (default 32).</summary>
        public int Height { get; init; } = 32;

        /// <summary>How sprites of another size are brought to the model size (default <see cref="SpriteFitMode.Scale"/>).</summary>
        public SpriteFitMode Fit { get; init; } = SpriteFitMode.Scale;

        /// <summary>When true, unreadable or corrupt files are skipped and listed; when false (default) the first one throws.</summary>
        public bool SkipBadFiles { get; init; }

        /// <summary>Largest declared width * height of a source PNG (default <see cref="PngCodec.DefaultMaxPixels"/>).</summary>
        public long MaxPixels { get; init; } = PngCodec.DefaultMaxPixels;
    }
}
