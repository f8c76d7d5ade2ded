using System;
using System.Collections.Generic;

namespace VaeProcgen.Authoring
{
    /// <summary>
    /// Turns decoded sprites into pixel art on a fixed palette: every pixel with alpha below the threshold
    /// becomes fully transparent (0,0,0,0); every other pixel becomes fully opaque and takes the palette colour
    /// nearest to it in OKLab. Palette alpha is ignored. Not thread-safe (it caches lookups); use one per thread.
    /// </summary>
    public sealed class PaletteSnapper : IPixelSnapper
    {
        /// <summary>Default alpha threshold (pixels with alpha &lt; 128 become transparent).</summary>
        public const byte DefaultAlphaThreshold = 128;

        private readonly uint[] colours;
        private readonly (double L, double A, double B)[] lab;
        private readonly Dictionary<int, int> cache = new Dictionary<int, int>();

        /// <summary>Creates a snapper for a palette of 0xRRGGBBAA colours (at least one).</summary>
        /// <param name="palette">The colours as 0xRRGGBBAA (alpha ignored), e.g. <see cref="Contract.ModelContract.Palette"/>.</param>
        /// <param name="alphaThreshold">Pixels with alpha below this become transparent, the rest opaque.</param>
        /// <exception cref="ArgumentNullException"><paramref name="palette"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="palette"/> is empty.</exception>
        public PaletteSnapper(IReadOnlyList<uint> palette, byte alphaThreshold = DefaultAlphaThreshold)
        {
            if (palette == null) throw new ArgumentNullException(nameof(palette));
            if (palette.Count == 0) throw new ArgumentException("The palette is empty; train with palette extraction or pass a palette with at least one colour.", nameof(palette));
            colours = new uint[palette.Count];
            lab = new (double, double, double)[palette.Count];
            for (int i = 0; i < palette.Count; i++)
            {
                colours[i] = palette[i];
                lab[i] = OkLab.FromRgba32(palette[i]);
            }
            AlphaThreshold = alphaThreshold;
        }

        /// <summary>
        /// The snapper of a sprite model's default output, what the command line writes: the model's training palette at
        /// <see cref="DefaultAlphaThreshold"/>, or null when its contract stores no palette (tile models, sprite models
        /// trained before palettes were stored).
        /// </summary>
        /// <param name="contract">The model's contract (<see cref="VaeModel.Contract"/>).</param>
        /// <returns>A new snapper, or null.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="contract"/> is null.</exception>
        public static PaletteSnapper? ForModel(Contract.ModelContract contract)
        {
            if (contract == null) throw new ArgumentNullException(nameof(contract));
            return contract.Palette.Count == 0 ? null : new PaletteSnapper(contract.Palette);
        }

        /// <summary>Pixels with alpha below this become transparent; the rest opaque.</summary>
        public byte AlphaThreshold { get; }
        /// <summary>Number of palette colours.</summary>
        public int Count => colours.Length;

        /// <summary>Snaps RGBA32 pixels (straight alpha) in place.</summary>
        /// <param name="rgba">Pixels, 4 bytes each; a trailing partial pixel is an error.</param>
        /// <exception cref="ArgumentException">The length is not a multiple of 4.</exception>
        public void Snap(Span<byte> rgba)
        {
            if (rgba.Length % 4 != 0) throw new ArgumentException($"RGBA length {rgba.Length} is not a multiple of 4.", nameof(rgba));
            for (int p = 0; p < rgba.Length; p += 4)
            {
                if (!SnappedPixel.ClearIfTransparent(rgba, p, AlphaThreshold)) SnappedPixel.WriteOpaque(rgba, p, colours[Nearest(rgba[p], rgba[p + 1], rgba[p + 2])]);
            }
        }

        /// <summary>Index of the palette colour nearest to an sRGB colour in OKLab (ties: lowest index).</summary>
        /// <param name="r">Red, 0-255.</param>
        /// <param name="g">Green, 0-255.</param>
        /// <param name="b">Blue, 0-255.</param>
        /// <returns>An index into the palette given to the constructor.</returns>
        public int Nearest(byte r, byte g, byte b)
        {
            int key = (r << 16) | (g << 8) | b;
            if (cache.TryGetValue(key, out int found)) return found;
            int best = OkLab.Nearest(lab, r, g, b);
            cache[key] = best;
            return best;
        }
    }
}
