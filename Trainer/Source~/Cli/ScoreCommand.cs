using System;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Spectre.Console;
using VaeProcgen.Generation;
using VaeProcgen.Trainer.Data;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>`score`: rank sprites by negative ELBO under a model, most anomalous first.</summary>
    internal static class ScoreCommand
    {
        public static Command Create()
        {
            var command = new Command("score", "Rank sprites by how badly the model explains them (negative ELBO, nats), most anomalous first.");
            var model = SharedOptions.Model();
            var data = new Option<string>("--data") { Description = "PNG file or folder of PNGs.", Required = true };
            var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
            format.AcceptOnlyFromAmong("table", "json");
            var top = new Option<int>("--top") { Description = "Show only the N most anomalous (0 = all).", DefaultValueFactory = _ => 0 };
            var seed = SharedOptions.Seed(0);
            var backend = SharedOptions.BackendChoice();
            foreach (Option o in new Option[] { model, data, format, top, seed, backend }) command.Options.Add(o);
            command.SetAction(parsed => CommandLine.Guard(() =>
            {
                using VaeModel vae = SharedOptions.LoadModel(parsed.GetValue(model)!, parsed.GetValue(backend)!);
                SampleCommand.RequireSprites(vae);
                if (!vae.HasEncoder) throw new UserErrorException("The model folder has no encoder.onnx, which scoring needs; re-export the model.");
                SpriteDataset set = SpriteDataset.LoadFolder(parsed.GetValue(data)!, new SpriteLoadOptions { Width = vae.Contract.Width, Height = vae.Contract.Height });
                ElboScore[] scores = EvalCommand.Score(vae, set, parsed.GetValue(seed));
                var ranked = Enumerable.Range(0, set.Count).OrderByDescending(i => scores[i].NegativeElbo).ThenBy(i => set.Items[i].SourceName, StringComparer.Ordinal).ToList();
                int n = parsed.GetValue(top);
                if (n > 0) ranked = ranked.Take(n).ToList();
                if (parsed.GetValue(format) == "json")
                {
                    var items = ranked.Select((i, r) => new { rank = r + 1, file = set.Items[i].SourceName, neg_elbo = scores[i].NegativeElbo, rec = scores[i].Reconstruction, kl = scores[i].Kl }).ToArray();
                    Console.WriteLine(JsonSerializer.Serialize(new { count = set.Count, items }, new JsonSerializerOptions { WriteIndented = true }));
                    return 0;
                }
                var table = new Table().Title("most anomalous first (nats)");
                table.AddColumn("rank");
                table.AddColumn("file");
                table.AddColumn(new TableColumn("-ELBO").RightAligned());
                table.AddColumn(new TableColumn("rec").RightAligned());
                table.AddColumn(new TableColumn("KL").RightAligned());
                for (int r = 0; r < ranked.Count; r++)
                {
                    ElboScore s = scores[ranked[r]];
                    table.AddRow((r + 1).ToString(CultureInfo.InvariantCulture), Markup.Escape(set.Items[ranked[r]].SourceName),
                        s.NegativeElbo.ToString("F1", CultureInfo.InvariantCulture), s.Reconstruction.ToString("F1", CultureInfo.InvariantCulture), s.Kl.ToString("F1", CultureInfo.InvariantCulture));
                }
                AnsiConsole.Write(table);
                return 0;
            }));
            return command;
        }
    }
}
