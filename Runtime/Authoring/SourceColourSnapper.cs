using System;
using System.Collections.Generic;

namespace VaeProcgen.Authoring
{
    /// <summary>
    /// Draws variations of a sprite in that sprite's own colours, what `vary` writes: every pixel with alpha below the
    /// threshold becomes fully transparent (0,0,0,0); every other pixel becomes fully opaque and takes, of the colours the
    /// source has within <see cref="Radius"/> pixels of the same place (its opaque pixels; the window doubles until it
    /// holds one), the one nearest to it in OKLab. Keeping the choice local keeps a gem's colour on the gem and a potion's
    /// liquid clear, where one palette for the whole sprite lets a colour from another part of it (the cork's brown) win
    /// blurred pixels anywhere.
    /// Not thread-safe (it caches colour conversions); use one per thread.
    /// </summary>
    public sealed class SourceColourSnapper : IPixelSnapper
    {
        /// <summary>
        /// Default <see cref="Radius"/>: a 9 x 9 window, chosen on the demo model's held-out sprites (radius 1 and 2 kept more
        /// of their colourfulness but less of their sharpness).
        /// </summary>
        public const int DefaultRadius = 4;

        private readonly uint[] colours;
        private readonly (double L, double A, double B)[] lab;
        private readonly int[][] candidates;
        private readonly Dictionary<int, (double L, double A, double B)> cache = new Dictionary<int, (double L, double A, double B)>();

        private SourceColourSnapper(uint[] colours, int[] colourOfPixel, int width, int height, byte alphaThreshold, int radius)
        {
            this.colours = colours;
            lab = Array.ConvertAll(colours, OkLab.FromRgba32);
            Width = width;
            Height = height;
            AlphaThreshold = alphaThreshold;
            Radius = radius;
            candidates = new int[width * height][];
            var offeredTo = new int[colours.Length];
            var near = new List<int>();
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    int pixel = y * width + x;
                    near.Clear();
                    for (int r = radius; near.Count == 0; r = Math.Max(1, r * 2))
                    {
                        for (int yy = Math.Max(0, y - r); yy <= Math.Min(height - 1, y + r); yy++)
                        {
                            for (int xx = Math.Max(0, x - r); xx <= Math.Min(width - 1, x + r); xx++)
                            {
                                int colour = colourOfPixel[yy * width + xx];
                                if (colour < 0 || offeredTo[colour] == pixel + 1) continue;
                                offeredTo[colour] = pixel + 1;
                                near.Add(colour);
                            }
                        }
                    }
                    candidates[pixel] = near.ToArray();
                }
            }
        }

        /// <summary>
        /// The snapper for variations of <paramref name="source"/>, or null when no pixel of it reaches
        /// <paramref name="alphaThreshold"/> (a fully transparent sprite has no colours to keep).
        /// </summary>
        /// <param name="source">The sprite being varied: <paramref name="width"/> x <paramref name="height"/> RGBA32 pixels (straight alpha), top row first; only read.</param>
        /// <param name="width">Sprite width in pixels (the model's).</param>
        /// <param name="height">Sprite height in pixels (the model's).</param>
        /// <param name="alphaThreshold">Pixels with alpha below this are not the source's colours, and become transparent when snapped.</param>
        /// <param name="radius">How far (in pixels, along x and y) from a pixel the source's colours are offered to it; 0 = the same pixel only.</param>
        /// <returns>A new snapper, or null.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> or <paramref name="height"/> is below 1, or <paramref name="radius"/> is negative.</exception>
        /// <exception cref="ArgumentException"><paramref name="source"/> is not <paramref name="width"/> x <paramref name="height"/> x 4 bytes.</exception>
        public static SourceColourSnapper? ForSprite(ReadOnlySpan<byte> source, int width, int height, byte alphaThreshold = PaletteSnapper.DefaultAlphaThreshold, int radius = DefaultRadius)
        {
            if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), width, "The width must be at least 1 pixel.");
            if (height < 1) throw new ArgumentOutOfRangeException(nameof(height), height, "The height must be at least 1 pixel.");
            if (radius < 0) throw new ArgumentOutOfRangeException(nameof(radius), radius, "The radius must be 0 or more pixels.");
            if (source.Length != width * height * 4) throw new ArgumentException($"The source has {source.Length} bytes; a {width}x{height} RGBA32 sprite has {width * height * 4}.", nameof(source));
            var index = new Dictionary<uint, int>();
            var colours = new List<uint>();
            var colourOfPixel = new int[width * height];
            for (int i = 0; i < colourOfPixel.Length; i++)
            {
                int p = i * 4;
                if (source[p + 3] < alphaThreshold)
                {
                    colourOfPixel[i] = -1;
                    continue;
                }
                uint colour = ((uint)source[p] << 24) | ((uint)source[p + 1] << 16) | ((uint)source[p + 2] << 8) | 0xFF;
                if (!index.TryGetValue(colour, out int found))
                {
                    found = colours.Count;
                    index[colour] = found;
                    colours.Add(colour);
                }
                colourOfPixel[i] = found;
            }
            return colours.Count == 0 ? null : new SourceColourSnapper(colours.ToArray(), colourOfPixel, width, height, alphaThreshold, radius);
        }

        /// <summary>Sprite width in pixels.</summary>
        public int Width { get; }
        /// <summary>Sprite height in pixels.</summary>
        public int Height { get; }
        /// <summary>Pixels with alpha below this become transparent; the rest opaque.</summary>
        public byte AlphaThreshold { get; }
        /// <summary>How far (in pixels, along x and y) from a pixel the source's colours are offered to it.</summary>
        public int Radius { get; }
        /// <summary>Number of distinct colours of the source.</summary>
        public int Count => colours.Length;

        /// <summary>Snaps a sprite of the source's size (RGBA32, straight alpha, top row first) in place.</summary>
        /// <param name="rgba">A variation: <see cref="Width"/> x <see cref="Height"/> x 4 bytes.</param>
        /// <exception cref="ArgumentException"><paramref name="rgba"/> is not the source's size.</exception>
        public void Snap(Span<byte> rgba)
        {
            if (rgba.Length != candidates.Length * 4) throw new ArgumentException($"The sprite has {rgba.Length} bytes; the source is {Width}x{Height} ({candidates.Length * 4} bytes).", nameof(rgba));
            for (int i = 0; i < candidates.Length; i++)
            {
                int p = i * 4;
                if (!SnappedPixel.ClearIfTransparent(rgba, p, AlphaThreshold)) SnappedPixel.WriteOpaque(rgba, p, colours[Nearest(candidates[i], rgba[p], rgba[p + 1], rgba[p + 2])]);
            }
        }

        private int Nearest(int[] offered, byte r, byte g, byte b)
        {
            int key = (r << 16) | (g << 8) | b;
            if (!cache.TryGetValue(key, out var query))
            {
                query = OkLab.FromSrgb(r, g, b);
                cache[key] = query;
            }
            int best = offered[0];
            double bestDistance = double.MaxValue;
            foreach (int i in offered)
            {
                double d = OkLab.SquaredDistance(lab[i], query);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = i;
                }
            }
            return best;
        }
    }
}
