using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using VaeProcgen.Generation;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>`interpolate`: a strip of sprites between two end points (sprite PNGs, encoded, or seeds).</summary>
    internal static class InterpolateCommand
    {
        public static Command Create()
        {
            var command = new Command("interpolate", "Interpolate between two sprites (PNG files, encoded) or two seeds and write a strip PNG.");
            var model = SharedOptions.Model();
            var from = new Option<string>("--from") { Description = "Start: a sprite PNG path or an integer seed.", Required = true };
            var to = new Option<string>("--to") { Description = "End: a sprite PNG path or an integer seed.", Required = true };
            var steps = new Option<int>("--steps") { Description = "Sprites in the strip, end points included.", DefaultValueFactory = _ => 8 };
            var mode = new Option<string>("--mode") { Description = "slerp (default) or lerp.", DefaultValueFactory = _ => "slerp" };
            mode.AcceptOnlyFromAmong("slerp", "lerp");
            var output = SharedOptions.Out("PNG file for the strip.");
            var backend = SharedOptions.BackendChoice();
            var palette = new PaletteOptions();
            foreach (Option o in new Option[] { model, from, to, steps, mode, output, backend }) command.Options.Add(o);
            palette.AddTo(command);
            command.SetAction(parsed => CommandLine.Guard(() =>
            {
                int n = parsed.GetValue(steps);
                if (n < 2 || n > 256) throw new UserErrorException($"--steps must be between 2 and 256 (got {n}).");
                using VaeModel vae = SharedOptions.LoadModel(parsed.GetValue(model)!, parsed.GetValue(backend)!);
                SampleCommand.RequireSprites(vae);
                float[] a = EndPoint(vae, parsed.GetValue(from)!, "--from");
                float[] b = EndPoint(vae, parsed.GetValue(to)!, "--to");
                var how = parsed.GetValue(mode) == "lerp" ? InterpolationMode.Linear : InterpolationMode.Spherical;
                List<RgbaImage> strip = Strip(vae, a, b, n, how);
                PaletteOptions.Apply(palette.Read(parsed, vae), strip);
                string path = parsed.GetValue(output)!;
                SpriteSheets.SaveGrid(strip, n, path);
                Console.WriteLine($"wrote {n} interpolated sprites to {path}");
                return 0;
            }));
            return command;
        }

        public static List<RgbaImage> Strip(VaeModel vae, float[] a, float[] b, int steps, InterpolationMode mode)
        {
            var latents = new float[steps * vae.LatentSize];
            for (int i = 0; i < steps; i++)
            {
                LatentMath.Interpolate(a, b, i / (float)(steps - 1), mode, latents.AsSpan(i * vae.LatentSize, vae.LatentSize));
            }
            var rgba = new byte[steps * vae.Contract.Width * vae.Contract.Height * 4];
            vae.DecodeRgba(latents, rgba);
            return SpriteSheets.Split(rgba, steps, vae.Contract.Width, vae.Contract.Height);
        }

        private static float[] EndPoint(VaeModel vae, string value, string option)
        {
            if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long seed))
            {
                return vae.SampleLatent(seed);
            }
            if (!File.Exists(value)) throw new UserErrorException($"{option} '{value}' is neither an integer seed nor an existing PNG file.");
            if (!vae.HasEncoder) throw new UserErrorException($"{option} is a sprite but the model folder has no encoder.onnx; use seeds or re-export the model.");
            RgbaImage image = SpriteFitter.Fit(PngCodec.Decode(File.ReadAllBytes(value), value), vae.Contract.Width, vae.Contract.Height, SpriteFitMode.Scale);
            return vae.EncodeRgba(image.Pixels).Mean;
        }
    }
}
