using System;
using System.Collections.Generic;
using System.Linq;
using VaeProcgen.Authoring;

namespace VaeProcgen.Trainer.Imaging
{
    /// <summary>
    /// Extracts the palette of a sprite set: the distinct colours of its opaque pixels (alpha &gt;= 128), as
    /// 0xRRGGBBFF. More than <c>maxColours</c> colours are reduced by a deterministic median cut in OKLab:
    /// repeatedly split the box with the largest pixel-weighted spread along its widest axis at the weighted
    /// median, then represent each box by its member colour closest to the box's weighted mean. The result is
    /// sorted ascending, so the same images always give the same palette.
    /// </summary>
    public static class PaletteExtractor
    {
        /// <summary>Default palette limit.</summary>
        public const int DefaultMaxColours = 256;

        /// <summary>The palette of <paramref name="images"/>, at most <paramref name="maxColours"/> colours.</summary>
        public static List<uint> Extract(IEnumerable<RgbaImage> images, int maxColours = DefaultMaxColours)
        {
            ArgumentNullException.ThrowIfNull(images);
            ArgumentOutOfRangeException.ThrowIfLessThan(maxColours, 1);
            var counts = new Dictionary<uint, int>();
            foreach (RgbaImage image in images)
            {
                byte[] p = image.Pixels;
                for (int i = 0; i < p.Length; i += 4)
                {
                    if (p[i + 3] < 128) continue;
                    uint colour = ((uint)p[i] << 24) | ((uint)p[i + 1] << 16) | ((uint)p[i + 2] << 8) | 0xFF;
                    counts[colour] = counts.TryGetValue(colour, out int c) ? c + 1 : 1;
                }
            }
            var colours = counts.Keys.OrderBy(c => c).ToList();
            if (colours.Count <= maxColours) return colours;
            var entries = colours.Select(c => new Entry(c, counts[c], OkLab.FromRgba32(c))).ToList();
            var boxes = new List<List<Entry>> { entries };
            while (boxes.Count < maxColours)
            {
                int best = -1;
                double bestScore = 0;
                for (int b = 0; b < boxes.Count; b++)
                {
                    if (boxes[b].Count < 2) continue;
                    double score = Spread(boxes[b], out _);
                    if (score > bestScore) { bestScore = score; best = b; }
                }
                if (best < 0) break;
                var (low, high) = SplitAtMedian(boxes[best]);
                boxes[best] = low;
                boxes.Add(high);
            }
            return boxes.Select(Representative).Distinct().OrderBy(c => c).ToList();
        }

        private static double Spread(List<Entry> box, out int axis)
        {
            double total = box.Sum(e => (double)e.Count);
            axis = 0;
            double bestRange = -1;
            for (int a = 0; a < 3; a++)
            {
                double min = box.Min(e => e.Axis(a)), max = box.Max(e => e.Axis(a));
                if (max - min > bestRange) { bestRange = max - min; axis = a; }
            }
            return bestRange * bestRange * total;
        }

        private static (List<Entry>, List<Entry>) SplitAtMedian(List<Entry> box)
        {
            Spread(box, out int axis);
            var sorted = box.OrderBy(e => e.Axis(axis)).ThenBy(e => e.Colour).ToList();
            long total = sorted.Sum(e => (long)e.Count), running = 0;
            int cut = 1;
            for (int i = 0; i < sorted.Count - 1; i++)
            {
                running += sorted[i].Count;
                cut = i + 1;
                if (running * 2 >= total) break;
            }
            return (sorted.GetRange(0, cut), sorted.GetRange(cut, sorted.Count - cut));
        }

        private static uint Representative(List<Entry> box)
        {
            double total = box.Sum(e => (double)e.Count);
            double l = box.Sum(e => e.Lab.L * e.Count) / total;
            double a = box.Sum(e => e.Lab.A * e.Count) / total;
            double b = box.Sum(e => e.Lab.B * e.Count) / total;
            return box.OrderBy(e => Square(e.Lab.L - l) + Square(e.Lab.A - a) + Square(e.Lab.B - b)).ThenBy(e => e.Colour).First().Colour;
        }

        private static double Square(double v) => v * v;

        private sealed record Entry(uint Colour, int Count, (double L, double A, double B) Lab)
        {
            public double Axis(int axis) => axis == 0 ? Lab.L : axis == 1 ? Lab.A : Lab.B;
        }
    }
}
