using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using VaeProcgen;
using VaeProcgen.Backends;
using VaeProcgen.Generation.Tiles;

namespace VaeProcgen.WasmCheck
{
    /// <summary>
    /// What the WebAssembly check compares: the RGBA bytes of fixed seeds from a sprite model and a repaired level
    /// from a tiles model, one line each, computed on the given backend. Shared by the browser-wasm program and its
    /// CoreCLR reference.
    /// </summary>
    internal static class CheckReport
    {
        public const int Seeds = 8;
        public const long LevelSeed = 11;
        public const int LevelSegments = 3;

        /// <summary>The report lines: "sprite SEED HEX" per seed, then "level SEED ROW/ROW/...".</summary>
        public static List<string> Build(byte[] spriteDecoder, byte[] tilesDecoder, Backend backend)
        {
            var lines = new List<string>();
            var options = new VaeModelOptions { Backend = backend };
            using (VaeModel sprites = VaeModel.Load(spriteDecoder, null, options))
            {
                for (long seed = 0; seed < Seeds; seed++) lines.Add($"sprite {seed} {Convert.ToHexString(sprites.GenerateRgba(seed))}");
            }
            using (VaeModel tiles = VaeModel.Load(tilesDecoder, null, options))
            {
                TileGrid level = tiles.GenerateLevel(LevelSeed, LevelSegments, tiles.LevelOptions(repair: true, checkPlayability: false));
                var rows = new StringBuilder();
                for (int y = 0; y < level.Height; y++)
                {
                    if (y > 0) rows.Append('/');
                    for (int x = 0; x < level.Width; x++) rows.Append((char)('A' + level[y, x]));
                }
                lines.Add($"level {LevelSeed} {rows}");
            }
            return lines;
        }

        /// <summary>Median time of batch-1 decodes of the sprite model, in milliseconds.</summary>
        public static double MedianDecodeMilliseconds(byte[] spriteDecoder, Backend backend, int runs)
        {
            using VaeModel model = VaeModel.Load(spriteDecoder, null, new VaeModelOptions { Backend = backend });
            float[] latent = model.SampleLatent(1);
            var output = new float[model.ItemSize];
            model.Decode(latent, output);
            var times = new double[runs];
            for (int i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                model.Decode(latent, output);
                times[i] = watch.Elapsed.TotalMilliseconds;
            }
            Array.Sort(times);
            return times[runs / 2];
        }

        /// <summary>Compares a report with the reference: pixels within 1/255, levels identical. Returns the problems.</summary>
        public static List<string> Compare(IReadOnlyList<string> reference, IReadOnlyList<string> actual, out int worstPixel)
        {
            var problems = new List<string>();
            worstPixel = 0;
            if (reference.Count != actual.Count) problems.Add($"the reference has {reference.Count} lines, this run {actual.Count}");
            for (int i = 0; i < Math.Min(reference.Count, actual.Count); i++)
            {
                string[] r = reference[i].Split(' '), a = actual[i].Split(' ');
                if (r.Length != 3 || a.Length != 3 || r[0] != a[0] || r[1] != a[1]) { problems.Add($"line {i + 1} does not match the reference's layout"); continue; }
                if (r[0] == "level")
                {
                    if (r[2] != a[2]) problems.Add($"level {r[1]} differs from the CoreCLR level");
                    continue;
                }
                byte[] rb = Convert.FromHexString(r[2]), ab = Convert.FromHexString(a[2]);
                if (rb.Length != ab.Length) { problems.Add($"sprite {r[1]} has {ab.Length} bytes, the reference {rb.Length}"); continue; }
                int worst = 0;
                for (int j = 0; j < rb.Length; j++) worst = Math.Max(worst, Math.Abs(rb[j] - ab[j]));
                worstPixel = Math.Max(worstPixel, worst);
                if (worst > 1) problems.Add($"sprite {r[1]} differs by up to {worst}/255");
            }
            return problems;
        }

        public static string Format(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
    }
}
