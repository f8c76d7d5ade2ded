using System;
using System.IO;
using System.Linq;
using System.Threading;
using TorchSharp;
using VaeProcgen.Contract;
using VaeProcgen.Trainer.Export;
using VaeProcgen.Trainer.Models;

namespace VaeProcgen.Trainer.Training
{
    /// <summary>
    /// One training run into an output folder: builds (or resumes) the model, trains with checkpoints and
    /// metrics after every epoch, exports decoder.onnx and encoder.onnx at the end (and on cancellation).
    /// </summary>
    public sealed class TrainingJob
    {
        /// <summary>Where and how to train.</summary>
        public TrainingJob(string outputFolder, RunDescription run, bool resume)
        {
            OutputFolder = outputFolder;
            Run = run;
            Resume = resume;
        }

        /// <summary>Output folder (model files, metrics, checkpoint).</summary>
        public string OutputFolder { get; }
        /// <summary>The run's definition (ignored in favour of the checkpoint's when resuming).</summary>
        public RunDescription Run { get; private set; }
        /// <summary>Continue from the checkpoint in the output folder.</summary>
        public bool Resume { get; }
        /// <summary>
        /// When resuming, changes the user asked for to the checkpoint's run before it is used (null keeps it as saved):
        /// another epoch count (the learning-rate schedule spans it, so extending a finished run does not equal an
        /// uninterrupted run of the longer length), or another fitted prior, which re-exports a finished run without training.
        /// </summary>
        public Action<RunDescription>? ResumeOverrides { get; set; }
        /// <summary>When resuming, the checkpoint header the caller has already read (null: <see cref="ResolveRun"/> reads it).</summary>
        internal (RunDescription Run, TrainingProgressState State)? SavedHeader { get; set; }
        private TrainingProgressState? resumedState;

        /// <summary>TensorBoard log folder, or null.</summary>
        public string? TensorBoardFolder { get; set; }

        /// <summary>Path of the checkpoint.</summary>
        public string CheckpointPath => Path.Combine(OutputFolder, Checkpoint.FileName);

        /// <summary>
        /// The run this job trains: when resuming, the checkpoint's (with the resume overrides applied), read from the
        /// checkpoint header once and kept; otherwise <see cref="Run"/>.
        /// </summary>
        public RunDescription ResolveRun()
        {
            if (Resume && resumedState == null)
            {
                var (run, state) = SavedHeader ?? Checkpoint.ReadHeader(CheckpointPath);
                ResumeOverrides?.Invoke(run);
                Run = run;
                resumedState = state;
            }
            return Run;
        }

        /// <summary>The model a run builds over prepared data.</summary>
        public static VaeArchitecture Architecture(RunDescription run, PreparedData data) =>
            new VaeArchitecture(new VaeShape(data.Channels, data.Height, data.Width), VaePreset.Parse(run.Preset), run.LatentSize, run.ConditionLabels.Count,
                run.Options.PaletteColours > 0, run.Options.LocalLatentChannels, run.Options.Upsampling, run.Options.LocalLatentCell);

        /// <summary>Trains; returns the final state (check <see cref="TrainingResult.Completed"/>).</summary>
        public TrainingResult Execute(PreparedData data, ITrainingObserver observer, CancellationToken cancel)
        {
            Directory.CreateDirectory(OutputFolder);
            ResolveRun();
            TrainingProgressState? resumed = resumedState;
            if (Resume && Run.DatasetFingerprint != data.Fingerprint)
            {
                throw new TrainingException($"The checkpoint in '{OutputFolder}' was trained on different data (fingerprint {Short(Run.DatasetFingerprint)}, now {Short(data.Fingerprint)}); resume with the same --data or train into a new --out folder.");
            }
            torch.manual_seed(Run.Options.Seed);
            var architecture = Architecture(Run, data);
            using var model = new ConvVae(architecture);
            using var trainer = new VaeTrainer(model, Run.Options);
            trainer.PoisonGradients = GradientPoisonForTests();
            if (resumed != null)
            {
                Checkpoint.LoadWeights(CheckpointPath, trainer);
                trainer.State = resumed;
            }
            int epochsBefore = trainer.State.History.Count;
            var tensorBoard = TensorBoardFolder == null ? null : torch.utils.tensorboard.SummaryWriter(TensorBoardFolder);
            string metricsPath = Path.Combine(OutputFolder, MetricsLog.FileName);
            bool completed = trainer.Run(data.Train, data.Test, observer, metrics =>
            {
                MetricsLog.Write(metricsPath, trainer.State.History);
                Checkpoint.Save(CheckpointPath, Run, trainer.State, trainer);
                if (tensorBoard != null)
                {
                    tensorBoard.add_scalar("loss/train", (float)metrics.TrainLoss, metrics.Epoch);
                    tensorBoard.add_scalar("test/neg_elbo", (float)metrics.TestNegElbo, metrics.Epoch);
                    tensorBoard.add_scalar("test/rec", (float)metrics.TestRec, metrics.Epoch);
                    tensorBoard.add_scalar("test/kl", (float)metrics.TestKl, metrics.Epoch);
                }
            }, cancel);
            if (!completed || trainer.State.History.Count == epochsBefore)
            {
                // Every finished epoch saved above; an interrupted run, or a resumed run that was already finished (which
                // trains no epoch but may carry resume overrides such as another prior), is saved here.
                Checkpoint.Save(CheckpointPath, Run, trainer.State, trainer);
            }
            ExportMetadata metadata = Metadata(data);
            if (Run.PriorBandwidth >= 0)
            {
                metadata.LatentPrior = AggregatePosterior.Fit(trainer.ExportModel, data.Train, Run.PriorBandwidth, Run.PriorLocalSpread, Run.PriorLocalShift);
            }
            ModelWriter.Write(trainer.ExportModel, metadata, OutputFolder);
            return new TrainingResult(completed, trainer.State, model.ParameterCount, architecture.DecoderMacsPerItem * 2);
        }

        /// <summary>
        /// Test hook (opt-in, off unless set): when this environment variable holds a step number, the gradients of
        /// that Adam step and every later one are poisoned with NaN, so tests can drive the trainer's non-finite
        /// defences through the real command line.
        /// </summary>
        public const string TestPoisonVariable = "VAEPROCGEN_TEST_POISON_GRADIENTS_FROM_STEP";

        private static Func<long, bool>? GradientPoisonForTests()
        {
            string? text = Environment.GetEnvironmentVariable(TestPoisonVariable);
            if (!long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long first)) return null;
            return step => step >= first;
        }

        private ExportMetadata Metadata(PreparedData data) => new ExportMetadata
        {
            Kind = Run.Kind,
            Likelihood = Run.Options.Likelihood,
            GaussianSigma = Run.Options.GaussianSigma,
            ClassLabels = Run.ConditionLabels.Count > 0 ? Run.ConditionLabels : Run.ClassLabels,
            TileLegendJson = Run.TileLegendJson,
            TilePatterns2x2 = Run.TilePatterns2x2,
            LevelLayout = Run.LevelLayout,
            TileCounts = Run.TileCounts,
            PaletteJson = Run.PaletteJson,
            DatasetFingerprint = Run.DatasetFingerprint,
            Preset = Run.Preset,
        };

        /// <summary>Describes a new run over prepared data.</summary>
        public static RunDescription Describe(PreparedData data, string preset, int latentSize, bool conditional, TrainingOptions options) => new RunDescription
        {
            Kind = data.Kind,
            Channels = data.Channels,
            Height = data.Height,
            Width = data.Width,
            Preset = VaePreset.Parse(preset).Name,
            LatentSize = latentSize,
            ConditionLabels = conditional ? data.ClassLabels.ToList() : new System.Collections.Generic.List<string>(),
            ClassLabels = data.ClassLabels.ToList(),
            Options = options,
            DatasetFingerprint = data.Fingerprint,
            TileLegendJson = data.TileLegendJson,
            TilePatterns2x2 = data.TilePatterns2x2,
            LevelLayout = data.LevelLayout,
            TileCounts = data.TileCounts,
            PaletteJson = data.PaletteJson,
        };

        private static string Short(string fingerprint) => fingerprint.Length > 12 ? fingerprint.Substring(0, 12) : fingerprint;
    }
}
