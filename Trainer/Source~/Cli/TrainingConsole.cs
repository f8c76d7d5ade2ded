using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using Spectre.Console;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>Runs a training job with progress bars, Ctrl+C handling and a summary table.</summary>
    internal static class TrainingConsole
    {
        public static TrainingResult Run(TrainingJob job, PreparedData data)
        {
            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
                Console.Error.WriteLine("Stopping after this batch; saving a checkpoint (resume with --resume)...");
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                var observer = new SpectreTrainingObserver();
                TrainingResult result = null!;
                AnsiConsole.Progress()
                    .AutoClear(true)
                    .AutoRefresh(false)
                    .HideCompleted(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        observer.Attach(ctx);
                        result = job.Execute(data, observer, cancel.Token);
                    });
                PrintSummary(job, data, result);
                return result;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        }

        public static void PrintHeader(PreparedData data, RunDescription run, long parameters, long decoderFlops)
        {
            AnsiConsole.MarkupLine(Invariant($"data: {data.Train.Count} training + {data.Test.Count} held-out items of {data.Channels}x{data.Height}x{data.Width}"));
            AnsiConsole.MarkupLine(Invariant($"model: preset {run.Preset}, latent {run.LatentSize}, {parameters:N0} parameters, decoder {decoderFlops / 1e6:F1} MFLOP per item"));
        }

        private static void PrintSummary(TrainingJob job, PreparedData data, TrainingResult result)
        {
            var history = result.State.History;
            var table = new Table().Title(result.Completed ? "Training finished" : "Training interrupted (checkpoint saved)");
            table.AddColumn("measure");
            table.AddColumn(new TableColumn("value").RightAligned());
            if (history.Count > 0)
            {
                EpochMetrics last = history[history.Count - 1];
                EpochMetrics best = history.OrderBy(m => m.TestNegElbo).First();
                table.AddRow("epochs", history.Count.ToString(CultureInfo.InvariantCulture));
                table.AddRow("held-out -ELBO (last)", Invariant($"{last.TestNegElbo:F1} nats/item"));
                table.AddRow("  reconstruction / KL", Invariant($"{last.TestRec:F1} / {last.TestKl:F1}"));
                table.AddRow("held-out -ELBO (best)", Invariant($"{best.TestNegElbo:F1} (epoch {best.Epoch})"));
                table.AddRow("training time", Invariant($"{history.Sum(m => m.Seconds):F0} s"));
                table.AddRow("throughput", Invariant($"{history.Average(m => m.SamplesPerSecond):F0} items/s"));
            }
            table.AddRow("parameters", result.Parameters.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("decoder MFLOP/item", Invariant($"{result.DecoderFlopsPerItem / 1e6:F1}"));
            table.AddRow("model folder", Markup.Escape(job.OutputFolder));
            AnsiConsole.Write(table);
        }

        private static string Invariant(FormattableString text) => Markup.Escape(text.ToString(CultureInfo.InvariantCulture));
    }
}
