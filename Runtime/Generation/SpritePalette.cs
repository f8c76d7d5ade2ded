using System;
using System.Collections.Generic;
using VaeProcgen.Authoring;

namespace VaeProcgen.Generation
{
    /// <summary>
    /// The channel palette of a palette-categorical sprite model: channel c of the model's data is "this pixel has
    /// palette colour c" (0xRRGGBBAA; a colour with alpha 0 is the transparent entry). Decoding takes the most likely
    /// colour per pixel (argmax; ties go to the lowest index); encoding turns each pixel into the one-hot vector of its
    /// palette colour: the exact colour when it is in the palette, otherwise the nearest colour in OKLab (pixels with
    /// alpha below 128 become the transparent entry). Immutable and thread-safe.
    /// </summary>
    internal sealed class SpritePalette
    {
        /// <summary>Pixels with alpha below this count as transparent when encoding.</summary>
        public const byte AlphaThreshold = 128;

        private readonly uint[] colours;
        private readonly (double L, double A, double B)[] lab;
        private readonly bool[] transparentEntries;
        private readonly Dictionary<uint, int> exact = new Dictionary<uint, int>();
        private readonly int transparent = -1;

        /// <summary>Creates the palette of a model: its colours in channel order (at least two).</summary>
        public SpritePalette(IReadOnlyList<uint> colours)
        {
            if (colours == null) throw new ArgumentNullException(nameof(colours));
            if (colours.Count < 2) throw new ArgumentException($"A sprite palette needs at least two colours (got {colours.Count}).", nameof(colours));
            this.colours = new uint[colours.Count];
            lab = new (double, double, double)[colours.Count];
            transparentEntries = new bool[colours.Count];
            for (int i = 0; i < colours.Count; i++)
            {
                uint c = colours[i];
                this.colours[i] = c;
                lab[i] = OkLab.FromRgba32(c);
                if ((c & 0xFF) == 0)
                {
                    transparentEntries[i] = true;
                    if (transparent < 0) transparent = i;
                    continue;
                }
                if (!exact.ContainsKey(c | 0xFF)) exact.Add(c | 0xFF, i);
            }
        }

        /// <summary>Number of colours (= channels of the model).</summary>
        public int Count => colours.Length;

        /// <summary>Colour of entry <paramref name="index"/> as 0xRRGGBBAA.</summary>
        public uint this[int index] => colours[index];

        /// <summary>
        /// Probability planes [Count, H, W] (one item) to RGBA32 bytes [H*W*4]: each pixel takes the colour of its most
        /// likely entry. Allocates nothing.
        /// </summary>
        public void ProbabilitiesToRgba(ReadOnlySpan<float> planes, Span<byte> rgba)
        {
            int pixels = planes.Length / colours.Length;
            if (planes.Length != pixels * colours.Length) throw new ArgumentException($"The planes hold {planes.Length} values, not a multiple of the {colours.Length} palette entries.", nameof(planes));
            if (rgba.Length < pixels * 4) throw new ArgumentException($"The RGBA buffer holds {rgba.Length} bytes but {pixels * 4} are needed.", nameof(rgba));
            for (int p = 0; p < pixels; p++)
            {
                int best = 0;
                float bestValue = planes[p];
                for (int c = 1; c < colours.Length; c++)
                {
                    float v = planes[c * pixels + p];
                    if (v > bestValue)
                    {
                        bestValue = v;
                        best = c;
                    }
                }
                uint colour = colours[best];
                int o = p * 4;
                if ((colour & 0xFF) == 0)
                {
                    rgba[o] = rgba[o + 1] = rgba[o + 2] = rgba[o + 3] = 0;
                    continue;
                }
                rgba[o] = (byte)(colour >> 24);
                rgba[o + 1] = (byte)(colour >> 16);
                rgba[o + 2] = (byte)(colour >> 8);
                rgba[o + 3] = (byte)colour;
            }
        }

        /// <summary>RGBA32 bytes [H*W*4] (one item) to one-hot planes [Count, H, W] (see the class remarks for the rule).</summary>
        public void RgbaToOneHot(ReadOnlySpan<byte> rgba, Span<float> planes)
        {
            int pixels = rgba.Length / 4;
            if (planes.Length < pixels * colours.Length) throw new ArgumentException($"The planar buffer holds {planes.Length} values but {pixels * colours.Length} are needed.", nameof(planes));
            planes.Slice(0, pixels * colours.Length).Clear();
            for (int p = 0; p < pixels; p++)
            {
                int index = IndexOf(rgba[p * 4], rgba[p * 4 + 1], rgba[p * 4 + 2], rgba[p * 4 + 3]);
                planes[index * pixels + p] = 1f;
            }
        }

        /// <summary>
        /// The entry a pixel maps to: the transparent entry for alpha below <see cref="AlphaThreshold"/> (the nearest
        /// colour when the palette has none), else the exact colour, else the nearest opaque colour in OKLab
        /// (ties: lowest index).
        /// </summary>
        public int IndexOf(byte r, byte g, byte b, byte a)
        {
            if (a < AlphaThreshold && transparent >= 0) return transparent;
            uint key = ((uint)r << 24) | ((uint)g << 16) | ((uint)b << 8) | 0xFF;
            if (exact.TryGetValue(key, out int found)) return found;
            int best = OkLab.Nearest(lab, r, g, b, transparentEntries);
            return best >= 0 ? best : transparent;
        }
    }
}
