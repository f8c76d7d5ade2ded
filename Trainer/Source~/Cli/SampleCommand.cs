using System;
using System.CommandLine;
using VaeProcgen.Contract;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>`sample`: decode prior latents of consecutive seeds into a sprite grid PNG.</summary>
    internal static class SampleCommand
    {
        public static Command Create()
        {
            var command = new Command("sample", "Generate sprites from seeds and write them as a grid PNG.");
            var model = SharedOptions.Model();
            var count = new Option<int>("--count") { Description = "Number of sprites (seeds S, S+1, ...).", DefaultValueFactory = _ => 64 };
            var seed = SharedOptions.Seed(0);
            var output = SharedOptions.Out("PNG file for the grid.");
            var backend = SharedOptions.BackendChoice();
            var label = new Option<string?>("--label") { Description = "Class label for conditional models." };
            var perClass = new Option<bool>("--per-class") { Description = "Conditional models: one row of --count sprites per class label (same seeds in every row)." };
            var palette = new PaletteOptions();
            var prior = new Option<string>("--prior") { Description = "fitted (the aggregate-posterior prior stored with the model; default when present) or standard (N(0, I)).", DefaultValueFactory = _ => "fitted" };
            prior.AcceptOnlyFromAmong("fitted", "standard");
            foreach (Option o in new Option[] { model, count, seed, output, backend, label, perClass, prior }) command.Options.Add(o);
            palette.AddTo(command);
            command.SetAction(parsed => CommandLine.Guard(() =>
            {
                int n = parsed.GetValue(count);
                if (n < 1 || n > 4096) throw new UserErrorException($"--count must be between 1 and 4096 (got {n}).");
                using VaeModel vae = SharedOptions.LoadModel(parsed.GetValue(model)!, parsed.GetValue(backend)!, parsed.GetValue(prior) == "standard");
                RequireSprites(vae);
                string path = parsed.GetValue(output)!;
                var snapper = palette.Read(parsed, vae);
                if (parsed.GetValue(perClass))
                {
                    var rows = PerClass(vae, parsed.GetValue(seed), n);
                    PaletteOptions.Apply(snapper, rows);
                    SpriteSheets.SaveGrid(rows, n, path);
                    Console.WriteLine($"wrote {vae.Contract.ClassLabels.Count} rows ({string.Join(", ", vae.Contract.ClassLabels)}) of {n} sprites to {path}");
                    return 0;
                }
                byte[] rgba = Generate(vae, parsed.GetValue(seed), n, parsed.GetValue(label));
                var cells = SpriteSheets.Split(rgba, n, vae.Contract.Width, vae.Contract.Height);
                PaletteOptions.Apply(snapper, cells);
                SpriteSheets.SaveGrid(cells, SpriteSheets.ColumnsFor(n), path);
                Console.WriteLine($"wrote {n} sprites ({vae.Backend} backend) to {path}");
                return 0;
            }));
            return command;
        }

        public static byte[] Generate(VaeModel vae, long firstSeed, int count, string? label)
        {
            var latents = new float[count * vae.LatentSize];
            var rgba = new byte[count * vae.Contract.Width * vae.Contract.Height * 4];
            int[]? labels = null;
            if (vae.Contract.IsConditional)
            {
                if (label == null) throw new UserErrorException($"This model is conditional; pass --label with one of: {string.Join(", ", vae.Contract.ClassLabels)}.");
                labels = new int[count];
                Array.Fill(labels, LabelIndexOrUserError(vae, label));
            }
            vae.SampleLatents(firstSeed, count, latents, labels?[0] ?? -1);
            vae.DecodeRgba(latents, rgba, labels);
            return rgba;
        }

        /// <summary>One row of <paramref name="count"/> sprites (seeds firstSeed, firstSeed+1, ...) per class label.</summary>
        public static System.Collections.Generic.List<Imaging.RgbaImage> PerClass(VaeModel vae, long firstSeed, int count)
        {
            if (!vae.Contract.IsConditional) throw new UserErrorException("--per-class needs a conditional model (train with --conditional).");
            var cells = new System.Collections.Generic.List<Imaging.RgbaImage>();
            foreach (string label in vae.Contract.ClassLabels)
            {
                cells.AddRange(SpriteSheets.Split(Generate(vae, firstSeed, count, label), count, vae.Contract.Width, vae.Contract.Height));
            }
            return cells;
        }

        public static void RequireSprites(VaeModel vae)
        {
            if (vae.Contract.Kind != ModelKind.Sprite) throw new UserErrorException("This is a tile-level model; use the 'levels' command for it.");
        }

        public static int LabelIndexOrUserError(VaeModel vae, string label)
        {
            try
            {
                return vae.LabelIndex(label);
            }
            catch (ArgumentException e)
            {
                throw new UserErrorException(e.Message, e);
            }
        }
    }
}
