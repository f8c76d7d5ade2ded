using System;

namespace VaeProcgen.Authoring
{
    /// <summary>Something that snaps RGBA32 sprites in place: <see cref="PaletteSnapper"/> and <see cref="SourceColourSnapper"/>.</summary>
    internal interface IPixelSnapper
    {
        /// <summary>Snaps RGBA32 pixels (straight alpha) in place.</summary>
        void Snap(Span<byte> rgba);
    }
}
