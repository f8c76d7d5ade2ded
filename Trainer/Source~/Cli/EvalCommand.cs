using System;
using System.CommandLine;
using System.Linq;
using System.Text.Json;
using VaeProcgen.Generation;
using VaeProcgen.Trainer.Data;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>`eval`: per-item negative ELBO, reconstruction and KL (nats) of a PNG folder under a model, as JSON.</summary>
    internal static class EvalCommand
    {
        public static Command Create()
        {
            var command = new Command("eval", "Score sprites under a model: JSON with neg_elbo, rec and kl per item (nats).");
            var model = SharedOptions.Model();
            var data = new Option<string>("--data") { Description = "PNG file or folder of PNGs.", Required = true };
            var seed = SharedOptions.Seed(0);
            var backend = SharedOptions.BackendChoice();
            var importance = new Option<int>("--importance-samples") { Description = "Also report the importance-weighted (IWAE) bound on -log p(x) with K posterior samples (0 = off).", DefaultValueFactory = _ => 0 };
            foreach (Option o in new Option[] { model, data, seed, backend, importance }) command.Options.Add(o);
            command.SetAction(parsed => CommandLine.Guard(() =>
            {
                using VaeModel vae = SharedOptions.LoadModel(parsed.GetValue(model)!, parsed.GetValue(backend)!);
                SampleCommand.RequireSprites(vae);
                if (!vae.HasEncoder) throw new UserErrorException("The model folder has no encoder.onnx, which scoring needs; re-export the model.");
                SpriteDataset set = SpriteDataset.LoadFolder(parsed.GetValue(data)!, new SpriteLoadOptions { Width = vae.Contract.Width, Height = vae.Contract.Height });
                ElboScore[] scores = Score(vae, set, parsed.GetValue(seed));
                int k = parsed.GetValue(importance);
                if (k < 0 || k > 100000) throw new UserErrorException($"--importance-samples must be between 0 and 100000 (got {k}).");
                double[]? bounds = k > 0 ? ImportanceBound(vae, set, k, parsed.GetValue(seed)) : null;
                Console.WriteLine(ToJson(set, scores, bounds, k));
                return 0;
            }));
            return command;
        }

        public static ElboScore[] Score(VaeModel vae, SpriteDataset set, long seed)
        {
            var scores = new ElboScore[set.Count];
            int[]? labels = vae.Contract.IsConditional ? set.Items.Select(i => vae.LabelIndex(i.Label)).ToArray() : null;
            vae.Score(Items(vae, set), scores, seed, labels);
            return scores;
        }

        public static double[] ImportanceBound(VaeModel vae, SpriteDataset set, int k, long seed)
        {
            int[]? labels = vae.Contract.IsConditional ? set.Items.Select(i => vae.LabelIndex(i.Label)).ToArray() : null;
            return Authoring.ImportanceSampling.NegativeLogLikelihoodBound(vae, Items(vae, set), k, seed, labels);
        }

        /// <summary>The sprites of a set as the model's planar input (RGBA planes, or one-hot palette planes for palette models).</summary>
        public static float[] Items(VaeModel vae, SpriteDataset set)
        {
            int bytes = vae.Contract.Width * vae.Contract.Height * 4;
            var rgba = new byte[checked(set.Count * bytes)];
            for (int i = 0; i < set.Count; i++) set.Items[i].Image.Pixels.AsSpan(0, bytes).CopyTo(rgba.AsSpan(i * bytes, bytes));
            var items = new float[checked(set.Count * vae.ItemSize)];
            if (set.Count > 0) vae.RgbaToItems(rgba, items);
            return items;
        }

        private static string ToJson(SpriteDataset set, ElboScore[] scores, double[]? bounds, int k)
        {
            var items = set.Items.Select((item, i) => new
            {
                file = item.SourceName,
                neg_elbo = scores[i].NegativeElbo,
                rec = scores[i].Reconstruction,
                kl = scores[i].Kl,
                iwae_nll_bound = bounds?[i],
            }).ToArray();
            var report = new
            {
                count = items.Length,
                mean_neg_elbo = scores.Average(s => s.NegativeElbo),
                mean_rec = scores.Average(s => s.Reconstruction),
                mean_kl = scores.Average(s => s.Kl),
                importance_samples = k,
                mean_iwae_nll_bound = bounds?.Average(),
                items,
            };
            return JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true });
        }
    }
}
