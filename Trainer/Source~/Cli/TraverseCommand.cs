using System;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using VaeProcgen.Authoring;
using VaeProcgen.Trainer.Data;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>`traverse`: a latent map varying two latent dimensions (or the top-2 principal components of a data folder).</summary>
    internal static class TraverseCommand
    {
        public static Command Create()
        {
            var command = new Command("traverse", "Write a grid PNG that varies two latent dimensions around the origin, or the top-2 principal components of encoded data (--pca --data).");
            var model = SharedOptions.Model();
            var dims = new Option<string>("--dims") { Description = "Two latent dimensions 'i,j' (columns vary i, rows vary j).", DefaultValueFactory = _ => "0,1" };
            var range = new Option<float>("--range") { Description = "Offsets run from -range to +range (prior standard deviations, or component standard deviations with --pca).", DefaultValueFactory = _ => 3f };
            var steps = new Option<int>("--steps") { Description = "Grid size (steps x steps).", DefaultValueFactory = _ => 9 };
            var pca = new Option<bool>("--pca") { Description = "Vary the top-2 principal components of the encoder means of --data instead of --dims." };
            var data = new Option<string?>("--data") { Description = "With --pca: PNG folder to encode." };
            var label = new Option<string?>("--label") { Description = "Class label (conditional models)." };
            var output = SharedOptions.Out("PNG file for the grid.");
            var backend = SharedOptions.BackendChoice();
            var palette = new PaletteOptions();
            foreach (Option o in new Option[] { model, dims, range, steps, pca, data, label, output, backend }) command.Options.Add(o);
            palette.AddTo(command);
            command.SetAction(parsed => CommandLine.Guard(() =>
            {
                int n = parsed.GetValue(steps);
                if (n < 2 || n > 64) throw new UserErrorException($"--steps must be between 2 and 64 (got {n}).");
                float r = parsed.GetValue(range);
                if (!(r > 0) || float.IsInfinity(r)) throw new UserErrorException($"--range must be positive (got {r}).");
                using VaeModel vae = SharedOptions.LoadModel(parsed.GetValue(model)!, parsed.GetValue(backend)!);
                SampleCommand.RequireSprites(vae);
                int labelIndex = -1;
                if (vae.Contract.IsConditional)
                {
                    string? text = parsed.GetValue(label) ?? throw new UserErrorException($"This model is conditional; pass --label with one of: {string.Join(", ", vae.Contract.ClassLabels)}.");
                    labelIndex = SampleCommand.LabelIndexOrUserError(vae, text);
                }
                float[] centre, u, v;
                string what;
                if (parsed.GetValue(pca))
                {
                    string folder = parsed.GetValue(data) ?? throw new UserErrorException("--pca needs --data with a folder of sprites to encode.");
                    (centre, u, v, what) = PrincipalAxes(vae, folder, labelIndex);
                }
                else
                {
                    var (i, j) = ParseDims(parsed.GetValue(dims)!, vae.LatentSize);
                    centre = new float[vae.LatentSize];
                    u = LatentGrid.Axis(vae.LatentSize, i);
                    v = LatentGrid.Axis(vae.LatentSize, j);
                    what = $"dims {i} (columns) and {j} (rows)";
                }
                float[] latents = LatentGrid.Build(centre, u, v, r, n);
                var rgba = new byte[n * n * vae.Contract.Width * vae.Contract.Height * 4];
                int[]? labels = vae.Contract.IsConditional ? Enumerable.Repeat(labelIndex, n * n).ToArray() : null;
                vae.DecodeRgba(latents, rgba, labels);
                var cells = SpriteSheets.Split(rgba, n * n, vae.Contract.Width, vae.Contract.Height);
                PaletteOptions.Apply(palette.Read(parsed, vae), cells);
                string path = parsed.GetValue(output)!;
                SpriteSheets.SaveGrid(cells, n, path);
                Console.WriteLine($"wrote a {n}x{n} latent map of {what}, offsets -{r}..{r}, to {path}");
                return 0;
            }));
            return command;
        }

        private static (int, int) ParseDims(string text, int latentSize)
        {
            string[] parts = text.Split(',');
            if (parts.Length == 2
                && int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int i)
                && int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int j)
                && i < latentSize && j < latentSize && i != j)
            {
                return (i, j);
            }
            throw new UserErrorException($"--dims must be two different latent dimensions 'i,j' from 0 to {latentSize - 1} (got '{text}').");
        }

        /// <summary>Centre = mean of the encoder means; axes = top-2 components scaled to one standard deviation.</summary>
        public static (float[] Centre, float[] U, float[] V, string What) PrincipalAxes(VaeModel vae, string folder, int labelIndex)
        {
            if (!vae.HasEncoder) throw new UserErrorException("--pca needs the encoder; the model folder has no encoder.onnx.");
            SpriteDataset set = SpriteDataset.LoadFolder(folder, new SpriteLoadOptions { Width = vae.Contract.Width, Height = vae.Contract.Height });
            if (set.Count < 3) throw new UserErrorException($"--pca needs at least 3 sprites in --data (found {set.Count}).");
            var mean = new float[set.Count * vae.LatentSize];
            var logVar = new float[set.Count * vae.LatentSize];
            int[]? labels = vae.Contract.IsConditional ? Enumerable.Repeat(labelIndex, set.Count).ToArray() : null;
            vae.Encode(EvalCommand.Items(vae, set), mean, logVar, labels);
            LatentPca fit = LatentPca.Fit(mean, set.Count, vae.LatentSize, 2);
            float[] Scaled(int c) => fit.Components[c].Select(x => x * (float)Math.Sqrt(fit.Variances[c])).ToArray();
            string what = string.Format(CultureInfo.InvariantCulture, "principal components 1 (sd {0:F2}) and 2 (sd {1:F2}) of {2} encoded sprites",
                Math.Sqrt(fit.Variances[0]), Math.Sqrt(fit.Variances[1]), set.Count);
            return (fit.Mean, Scaled(0), Scaled(1), what);
        }
    }
}
