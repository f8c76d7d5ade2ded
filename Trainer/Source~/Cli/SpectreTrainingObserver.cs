using System;
using Spectre.Console;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>
    /// Draws a progress bar per epoch and prints each epoch's metrics (Spectre.Console). The bars are redrawn from the
    /// training thread after each batch, never from a timer thread: a timer thread's allocations could start a garbage
    /// collection while libtorch runs an operation whose scalar argument TorchSharp then frees in a finalizer.
    /// </summary>
    internal sealed class SpectreTrainingObserver : ITrainingObserver
    {
        private ProgressContext? context;
        private ProgressTask? task;

        public void Attach(ProgressContext progress) => context = progress;

        public void EpochStarted(int epoch, int totalEpochs, int batches, int firstBatch)
        {
            if (context == null) return;
            task = context.AddTask($"epoch {epoch}/{totalEpochs}", maxValue: batches);
            task.Value = firstBatch;
        }

        public void BatchFinished(int epoch, int batch, double loss)
        {
            if (task == null) return;
            task.Increment(1);
            task.Description = $"epoch {epoch} loss {loss,8:F1}";
            context!.Refresh();
        }

        public void EpochFinished(EpochMetrics m)
        {
            task?.StopTask();
            AnsiConsole.MarkupLine(FormattableString.Invariant(
                $"epoch {m.Epoch,3}  train {m.TrainLoss,8:F1}  held-out -ELBO [bold]{m.TestNegElbo,8:F1}[/] (rec {m.TestRec:F1}, KL {m.TestKl:F1}) nats/item  {m.SamplesPerSecond,6:F0} items/s"));
            if (m.SkippedSteps > 0)
            {
                AnsiConsole.MarkupLine(FormattableString.Invariant($"[yellow]epoch {m.Epoch}: skipped {m.SkippedSteps} step(s) with non-finite loss or gradients or a libtorch error[/]"));
            }
        }
    }
}
