using System;

namespace VaeProcgen.Authoring
{
    /// <summary>Something that snaps RGBA32 sprites in place: <see cref="PaletteSnapper"/> and <see cref="SourceColourSnapper"/>.</summary>
    internal interface IPixelSnapper
    {
        /// <summary>Pixels with alpha below this become transparent; the rest opaque.</summary>
        byte AlphaThreshold { get; }

        /// <summary>Snaps RGBA32 pixels (straight alpha) in place.</summary>
        void Snap(Span<byte> rgba);
    }
}
