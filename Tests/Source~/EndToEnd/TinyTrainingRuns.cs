using System.Threading;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Tests.EndToEnd
{
    /// <summary>Runs training jobs for tests: straight through, or stopped after an epoch and resumed from its checkpoint.</summary>
    internal static class TinyTrainingRuns
    {
        /// <summary>Trains (or resumes) <paramref name="run"/> into <paramref name="folder"/>.</summary>
        public static TrainingResult Train(string folder, RunDescription run, PreparedData data, bool resume = false,
            CancellationToken cancel = default, ITrainingObserver? observer = null) =>
            new TrainingJob(folder, run, resume).Execute(data, observer ?? new SilentObserver(), cancel);

        /// <summary>Trains until <paramref name="stopAfterEpoch"/> finishes, cancels, then resumes to the end; returns the interrupted run's result.</summary>
        public static TrainingResult TrainInterruptedThenResumed(string folder, RunDescription run, PreparedData data, int stopAfterEpoch)
        {
            using var cancel = new CancellationTokenSource();
            var stopper = new SilentObserver(m => { if (m.Epoch == stopAfterEpoch) cancel.Cancel(); });
            TrainingResult interrupted = Train(folder, run, data, resume: false, cancel.Token, stopper);
            Train(folder, run, data, resume: true);
            return interrupted;
        }
    }
}
