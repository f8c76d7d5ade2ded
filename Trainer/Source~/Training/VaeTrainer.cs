using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using TorchSharp;
using TorchSharp.Modules;
using VaeProcgen.Trainer.Models;
using static TorchSharp.torch;

namespace VaeProcgen.Trainer.Training
{
    /// <summary>
    /// Trains a <see cref="ConvVae"/> with Adam on rec + beta * KL (linear KL warm-up, optional free bits,
    /// cosine learning-rate decay). Every random draw is seeded from (seed, step), so a run continued from a
    /// checkpoint matches an uninterrupted one. Not thread-safe; one trainer per model.
    /// </summary>
    public sealed class VaeTrainer : IDisposable
    {
        private const long ShuffleStream = 1;
        private const long NoiseStream = 2;
        private const long EvalStream = 3;

        private readonly ConvVae model;
        private readonly TrainingOptions options;
        private readonly OptimizerHelper optimizer;
        private readonly ConvVae? averaged;
        private readonly Parameter[] liveParameters;
        private readonly Parameter[] averagedParameters;

        /// <summary>Creates a trainer (and its Adam optimizer) for a model it does not own.</summary>
        public VaeTrainer(ConvVae model, TrainingOptions options)
        {
            this.model = model;
            this.options = options;
            optimizer = options.WeightDecay > 0
                ? optim.AdamW(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay)
                : optim.Adam(model.parameters(), options.LearningRate);
            liveParameters = model.parameters().ToArray();
            averagedParameters = new Parameter[0];
            if (options.EmaDecay > 0)
            {
                averaged = new ConvVae(model.Architecture);
                averagedParameters = averaged.parameters().ToArray();
                using var noGrad = no_grad();
                for (int i = 0; i < liveParameters.Length; i++) averagedParameters[i].copy_(liveParameters[i]);
            }
        }

        /// <summary>The weights to evaluate and export: the moving average when enabled, else the live model.</summary>
        public ConvVae ExportModel => averaged ?? model;

        /// <summary>The moving-average copy (null when <see cref="TrainingOptions.EmaDecay"/> is 0); checkpointed with the model.</summary>
        public ConvVae? AveragedModel => averaged;

        /// <summary>The optimizer (its state goes into checkpoints).</summary>
        public OptimizerHelper Optimizer => optimizer;

        /// <summary>Progress so far; replace it when resuming.</summary>
        public TrainingProgressState State { get; set; } = new TrainingProgressState();

        /// <summary>
        /// Runs from <see cref="State"/> to the last epoch. After each epoch, <paramref name="epochDone"/> is
        /// called (checkpoint, metrics). Returns false when cancelled; the state then points at the next batch.
        /// </summary>
        public bool Run(TrainingSet train, TrainingSet test, ITrainingObserver observer, Action<EpochMetrics> epochDone, CancellationToken cancel)
        {
            int batches = (train.Count + options.BatchSize - 1) / options.BatchSize;
            while (State.Epoch < options.Epochs)
            {
                int epoch = State.Epoch;
                observer.EpochStarted(epoch + 1, options.Epochs, batches, State.NextBatch);
                long[] order = SeedMixer.Permutation(train.Count, SeedMixer.Mix(options.Seed, ShuffleStream, epoch));
                var clock = Stopwatch.StartNew();
                model.train();
                for (int b = State.NextBatch; b < batches; b++)
                {
                    if (cancel.IsCancellationRequested)
                    {
                        State.EpochSeconds += clock.Elapsed.TotalSeconds;
                        return false;
                    }
                    int start = b * options.BatchSize;
                    int count = Math.Min(options.BatchSize, train.Count - start);
                    double loss = Step(train, order, start, count, epoch, batches);
                    State.EpochLossSum += loss * count;
                    State.EpochItems += count;
                    State.NextBatch = b + 1;
                    State.GlobalStep++;
                    observer.BatchFinished(epoch + 1, b, loss);
                }
                double seconds = State.EpochSeconds + clock.Elapsed.TotalSeconds;
                var (rec, kl) = Evaluate(test);
                var metrics = new EpochMetrics
                {
                    Epoch = epoch + 1,
                    TrainLoss = State.EpochLossSum / Math.Max(1, State.EpochItems),
                    TestRec = rec,
                    TestKl = kl,
                    TestNegElbo = rec + kl,
                    Seconds = seconds,
                    SamplesPerSecond = State.EpochItems / Math.Max(1e-9, seconds),
                };
                State.History.Add(metrics);
                State.Epoch = epoch + 1;
                State.NextBatch = 0;
                State.EpochLossSum = 0;
                State.EpochItems = 0;
                State.EpochSeconds = 0;
                observer.EpochFinished(metrics);
                epochDone(metrics);
            }
            return true;
        }

        private double Step(TrainingSet train, long[] order, int start, int count, int epoch, int batches)
        {
            using var scope = NewDisposeScope();
            manual_seed(SeedMixer.Mix(options.Seed, NoiseStream, State.GlobalStep));
            using Tensor indices = tensor(new ReadOnlySpan<long>(order, start, count).ToArray());
            Tensor x = train.Data.index_select(0, indices);
            Tensor? labels = train.Labels?.index_select(0, indices);
            if (options.FlipAugment)
            {
                Tensor flip = (rand(count) < 0.5).view(-1, 1, 1, 1);
                x = where(flip, x.flip(3), x);
            }
            var (mean, logVariance) = model.Encode(x, labels);
            Tensor z = mean + (logVariance * 0.5).exp() * randn_like(mean);
            Tensor logits = model.DecodeLogits(z, labels);
            Tensor rec = VaeLoss.Reconstruction(logits, x, options.Likelihood, options.GaussianSigma).mean();
            Tensor klPerDim = VaeLoss.KlPerDimension(mean, logVariance);
            Tensor klTerm = options.FreeBits > 0 ? klPerDim.mean(new long[] { 0 }).clamp_min(options.FreeBits).sum() : klPerDim.sum(1).mean();
            double klWeight = options.WarmupSteps > 0 ? options.Beta * Math.Min(1.0, (State.GlobalStep + 1) / (double)options.WarmupSteps) : options.Beta;
            Tensor loss = rec + klTerm * klWeight;

            double progress = (epoch + start / (double)(batches * options.BatchSize)) / options.Epochs;
            double floor = options.FinalLearningRateFraction;
            double lr = options.LearningRate * (floor + (1 - floor) * 0.5 * (1 + Math.Cos(Math.PI * progress)));
            foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            if (averaged != null)
            {
                using var noGrad = no_grad();
                double decay = Math.Min(options.EmaDecay, (1.0 + State.GlobalStep) / (10.0 + State.GlobalStep));
                for (int i = 0; i < liveParameters.Length; i++)
                {
                    averagedParameters[i].mul_(decay).add_(liveParameters[i], alpha: 1 - decay);
                }
            }
            return loss.item<float>();
        }

        /// <summary>
        /// Mean held-out reconstruction NLL and KL (nats per item) with one seeded posterior sample per item.
        /// </summary>
        public (double Rec, double Kl) Evaluate(TrainingSet test)
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            ConvVae evaluated = ExportModel;
            evaluated.eval();
            var generator = new Generator((ulong)SeedMixer.Mix(options.Seed, EvalStream, 0));
            double recSum = 0, klSum = 0;
            const int chunk = 128;
            for (int start = 0; start < test.Count; start += chunk)
            {
                int count = Math.Min(chunk, test.Count - start);
                Tensor x = test.Data.narrow(0, start, count);
                Tensor? labels = test.Labels?.narrow(0, start, count);
                var (mean, logVariance) = evaluated.Encode(x, labels);
                Tensor noise = randn(mean.shape, generator: generator);
                Tensor z = mean + (logVariance * 0.5).exp() * noise;
                Tensor logits = evaluated.DecodeLogits(z, labels);
                recSum += VaeLoss.Reconstruction(logits, x, options.Likelihood, options.GaussianSigma).sum().item<float>();
                klSum += VaeLoss.KlPerDimension(mean, logVariance).sum().item<float>();
            }
            model.train();
            return (recSum / Math.Max(1, test.Count), klSum / Math.Max(1, test.Count));
        }

        /// <inheritdoc />
        public void Dispose()
        {
            optimizer.Dispose();
            averaged?.Dispose();
        }
    }
}
