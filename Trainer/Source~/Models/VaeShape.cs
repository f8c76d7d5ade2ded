namespace VaeProcgen.Trainer.Models
{
    /// <summary>
    /// The data shape a model works on (channels x height x width) and the padded working size the
    /// three stride-2 stages need (a multiple of 8 in both directions; the decoder crops back).
    /// </summary>
    public readonly struct VaeShape
    {
        /// <summary>Creates a shape.</summary>
        public VaeShape(int channels, int height, int width)
        {
            Channels = channels;
            Height = height;
            Width = width;
        }

        /// <summary>Data channels (4 for RGBA sprites, the tile-type count for levels).</summary>
        public int Channels { get; }
        /// <summary>Data height in pixels or tiles.</summary>
        public int Height { get; }
        /// <summary>Data width in pixels or tiles.</summary>
        public int Width { get; }
        /// <summary>Height rounded up to a multiple of 8.</summary>
        public int PaddedHeight => (Height + 7) / 8 * 8;
        /// <summary>Width rounded up to a multiple of 8.</summary>
        public int PaddedWidth => (Width + 7) / 8 * 8;
        /// <summary>True when the working size differs from the data size.</summary>
        public bool NeedsPadding => PaddedHeight != Height || PaddedWidth != Width;
        /// <summary>Values per item.</summary>
        public int ElementCount => Channels * Height * Width;

        /// <inheritdoc />
        public override string ToString() => $"{Channels}x{Height}x{Width}";
    }
}
