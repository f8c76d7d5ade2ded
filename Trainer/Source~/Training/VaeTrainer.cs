using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using TorchSharp;
using TorchSharp.Modules;
using VaeProcgen.Trainer.Models;
using static TorchSharp.torch;

namespace VaeProcgen.Trainer.Training
{
    /// <summary>
    /// Trains a <see cref="ConvVae"/> with Adam on rec + beta * KL (linear KL warm-up, optional free bits,
    /// cosine learning-rate decay, gradient-norm clipping). Steps with non-finite loss or gradients are skipped. Every random draw is seeded from (seed, step), so a run continued from a
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
        private readonly PatchDiscriminator? discriminator;
        private readonly OptimizerHelper? discriminatorOptimizer;
        private readonly Tensor[] discriminatorParameters = new Tensor[0];

        /// <summary>Creates a trainer (and its Adam optimizer) for a model it does not own.</summary>
        public VaeTrainer(ConvVae model, TrainingOptions options)
        {
            this.model = model;
            this.options = options;
            optimizer = options.WeightDecay > 0
                ? optim.AdamW(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay)
                : optim.Adam(model.parameters(), options.LearningRate);
            liveParameters = model.parameters().ToArray();
            if (options.AdversarialWeight > 0 || options.FeatureMatchingWeight > 0)
            {
                discriminator = new PatchDiscriminator(model.Architecture.Shape.Channels);
                discriminatorOptimizer = optim.Adam(discriminator.parameters(), DiscriminatorLearningRate, beta1: 0.5, beta2: 0.9);
                discriminatorParameters = discriminator.parameters().ToArray<Tensor>();
            }
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

        /// <summary>The critic of the adversarial and feature-matching terms and its optimizer (null unless <see cref="TrainingOptions.AdversarialWeight"/> or <see cref="TrainingOptions.FeatureMatchingWeight"/> is positive); checkpointed with the model.</summary>
        internal (PatchDiscriminator Network, OptimizerHelper Optimizer)? Discriminator =>
            discriminator is null ? null : (discriminator, discriminatorOptimizer!);

        /// <summary>Adam learning rate of the discriminator.</summary>
        public const double DiscriminatorLearningRate = 2e-4;

        /// <summary>The optimizer (its state goes into checkpoints).</summary>
        public OptimizerHelper Optimizer => optimizer;

        /// <summary>Progress so far; replace it when resuming.</summary>
        public TrainingProgressState State { get; set; } = new TrainingProgressState();

        /// <summary>
        /// Runs from <see cref="State"/> to the last epoch. After each epoch, <paramref name="epochDone"/> is
        /// called (checkpoint, metrics). Returns false when cancelled; the state then points at the next batch.
        /// A step whose loss or gradients are not finite is not applied (the optimizer and the weight average stay
        /// untouched) and is counted in <see cref="EpochMetrics.SkippedSteps"/>; after
        /// <see cref="SkippedStepsBeforeRestore"/> such steps in a row the trainer goes back to the state at the end
        /// of the last finished epoch and replays from there, and when that happens more than
        /// <see cref="MaximumRestores"/> times it stops.
        /// </summary>
        /// <exception cref="TrainingDivergedException">Training kept producing non-finite values after restores.</exception>
        public bool Run(TrainingSet train, TrainingSet test, ITrainingObserver observer, Action<EpochMetrics> epochDone, CancellationToken cancel)
        {
            int batches = (train.Count + options.BatchSize - 1) / options.BatchSize;
            TrainerSnapshot lastGood = TrainerSnapshot.Take(this);
            int restores = 0;
            int skippedInEpoch = 0;
            while (State.Epoch < options.Epochs)
            {
                int epoch = State.Epoch;
                observer.EpochStarted(epoch + 1, options.Epochs, batches, State.NextBatch);
                long[] order = SeedMixer.Permutation(train.Count, SeedMixer.Mix(options.Seed, ShuffleStream, epoch));
                var clock = Stopwatch.StartNew();
                model.train();
                int skippedInARow = 0;
                bool restored = false;
                for (int b = State.NextBatch; b < batches; b++)
                {
                    if (cancel.IsCancellationRequested)
                    {
                        State.EpochSeconds += clock.Elapsed.TotalSeconds;
                        return false;
                    }
                    int start = b * options.BatchSize;
                    int count = Math.Min(options.BatchSize, train.Count - start);
                    double loss = StepOrSkip(train, order, start, count, epoch, batches);
                    State.NextBatch = b + 1;
                    State.GlobalStep++;
                    observer.BatchFinished(epoch + 1, b, loss);
                    if (double.IsFinite(loss))
                    {
                        State.EpochLossSum += loss * count;
                        State.EpochItems += count;
                        skippedInARow = 0;
                        continue;
                    }
                    skippedInEpoch++;
                    if (++skippedInARow < SkippedStepsBeforeRestore) continue;
                    if (++restores > MaximumRestores)
                    {
                        throw new TrainingDivergedException(epoch + 1, State.GlobalStep);
                    }
                    lastGood.Restore(this);
                    restored = true;
                    break;
                }
                if (restored) continue;
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
                    SkippedSteps = skippedInEpoch,
                    MaxGradientNorm = LargestGradientNorm,
                };
                State.History.Add(metrics);
                State.Epoch = epoch + 1;
                State.NextBatch = 0;
                State.EpochLossSum = 0;
                State.EpochItems = 0;
                State.EpochSeconds = 0;
                skippedInEpoch = 0;
                LargestGradientNorm = 0;
                observer.EpochFinished(metrics);
                epochDone(metrics);
                lastGood = TrainerSnapshot.Take(this);
            }
            return true;
        }

        /// <summary>Non-finite steps in a row after which the trainer restores the last good state.</summary>
        public const int SkippedStepsBeforeRestore = 3;

        /// <summary>Restores allowed in one <see cref="Run"/> before it gives up with <see cref="TrainingDivergedException"/>.</summary>
        public const int MaximumRestores = 2;

        /// <summary>
        /// Test hook: when set, called with the Adam step number after each backward pass; returning true
        /// poisons that step's gradients with NaN, as a faulty native kernel would.
        /// </summary>
        internal Func<long, bool>? PoisonGradients { get; set; }

        /// <summary>Test hook: when set, called with the Adam step number before each step; returning true makes libtorch fail in that step.</summary>
        internal Func<long, bool>? FailNatively { get; set; }

        private double LargestGradientNorm { get; set; }

        /// <summary>The live (optimized) model.</summary>
        internal ConvVae LiveModel => model;

        /// <summary>
        /// <see cref="Step"/>, or NaN (a skipped step, handled like a non-finite one) when libtorch reports an error in it.
        /// TorchSharp 0.107 frees the scalars it creates for operators such as <c>a + b</c> in their finalizers, which can
        /// run while the native operation still reads them; the operation then fails ("Expected false to be true" from
        /// <c>Scalar::toFloat</c>, seen once in a 60-epoch run) or computes with a wrong scalar (non-finite values, caught
        /// by the step's checks). A native error that repeats ends the run like a diverging one.
        /// </summary>
        private double StepOrSkip(TrainingSet train, long[] order, int start, int count, int epoch, int batches)
        {
            try
            {
                return Step(train, order, start, count, epoch, batches);
            }
            catch (ExternalException)
            {
                optimizer.zero_grad();
                discriminatorOptimizer?.zero_grad();
                return double.NaN;
            }
        }

        private double Step(TrainingSet train, long[] order, int start, int count, int epoch, int batches)
        {
            using var scope = NewDisposeScope();
            if (FailNatively?.Invoke(State.GlobalStep) == true) ones(2, 3).add(ones(4, 5));
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
            Tensor? decoded = discriminator is not null || options.ColourWeight > 0 || options.LocalContrastWeight > 0 ? logits.sigmoid() : null;
            Tensor rec = VaeLoss.Reconstruction(logits, x, options.Likelihood, options.GaussianSigma).mean();
            if (options.ColourWeight > 0) rec = rec + VaeLoss.ColourError(decoded!, x).mean() * options.ColourWeight;
            Tensor klPerDim = VaeLoss.KlPerDimension(mean, logVariance);
            Tensor klTerm = options.FreeBits > 0 ? klPerDim.mean(new long[] { 0 }).clamp_min(options.FreeBits).sum() : klPerDim.sum(1).mean();
            double klWeight = options.WarmupSteps > 0 ? options.Beta * Math.Min(1.0, (State.GlobalStep + 1) / (double)options.WarmupSteps) : options.Beta;
            Tensor loss = rec + klTerm * klWeight;
            bool discriminatorTermsOn = discriminator is not null && epoch >= options.AdversarialStartEpoch;
            List<Tensor>? realFeatures = discriminatorTermsOn && options.FeatureMatchingWeight > 0 ? new List<Tensor>() : null;
            Tensor? realScores = discriminator?.Scores(x, realFeatures);
            Tensor? fakeScores = null;
            Tensor? towardsScaledTerms = null;
            if (discriminatorTermsOn || options.LocalContrastWeight > 0)
            {
                // The scaled terms see a detached copy of the decoded sprites: the discriminator's pass over it is shared by the
                // decoder's terms and by its own hinge step, and each term's gradient at the copy is carried into the decoder below.
                Tensor fake = decoded!.detach().requires_grad_();
                double? recNorm = null;
                // Adds a scaled term to the loss and its gradient to the decoded sprites' and returns its new smoothed ratio,
                // measured on the term's first step and every ScaledTermProbeInterval steps (rec's norm at most once per step).
                double AddScaledTerm(Tensor term, double weight, double smoothedRatio)
                {
                    bool measure = smoothedRatio == 0 || State.GlobalStep % ScaledTermProbeInterval == 0;
                    if (measure) recNorm ??= OutputGradientNorm(rec, null);
                    var scaled = ScaledTerm(term, fake, decoded, measure ? recNorm : null, weight, smoothedRatio);
                    loss = loss + scaled.Value;
                    towardsScaledTerms = towardsScaledTerms is null ? scaled.Gradient : towardsScaledTerms + scaled.Gradient;
                    return scaled.Ratio;
                }
                if (options.LocalContrastWeight > 0)
                {
                    State.LocalContrastRatio = AddScaledTerm(VaeLoss.LocalContrastMismatch(fake, x), options.LocalContrastWeight, State.LocalContrastRatio);
                }
                if (discriminatorTermsOn)
                {
                    List<Tensor>? fakeFeatures = realFeatures is null ? null : new List<Tensor>();
                    fakeScores = discriminator!.Scores(fake, fakeFeatures);
                    if (options.AdversarialWeight > 0)
                    {
                        State.AdversarialRatio = AddScaledTerm(-fakeScores.mean(), options.AdversarialWeight, State.AdversarialRatio);
                    }
                    if (fakeFeatures is not null)
                    {
                        State.FeatureMatchingRatio = AddScaledTerm(FeatureMismatch(realFeatures!, fakeFeatures), options.FeatureMatchingWeight, State.FeatureMatchingRatio);
                    }
                }
            }

            double progress = (epoch + start / (double)(batches * options.BatchSize)) / options.Epochs;
            double floor = options.FinalLearningRateFraction;
            double lr = options.LearningRate * (floor + (1 - floor) * 0.5 * (1 + Math.Cos(Math.PI * progress)));
            foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
            optimizer.zero_grad();
            if (towardsScaledTerms is null) loss.backward();
            else autograd.backward(new[] { loss, decoded! }, new[] { ones_like(loss), towardsScaledTerms });
            if (PoisonGradients?.Invoke(State.GlobalStep) == true)
            {
                using var noGrad = no_grad();
                liveParameters[0].grad!.fill_(float.NaN);
            }
            double lossValue = loss.item<float>();
            double gradientNorm = GradientNorm();
            if (!double.IsFinite(lossValue) || !double.IsFinite(gradientNorm))
            {
                optimizer.zero_grad();
                return double.NaN;
            }
            LargestGradientNorm = Math.Max(LargestGradientNorm, gradientNorm);
            if (options.GradientClipNorm > 0 && gradientNorm > options.GradientClipNorm)
            {
                using var noGrad = no_grad();
                double scale = options.GradientClipNorm / gradientNorm;
                foreach (Parameter p in liveParameters) p.grad?.mul_(scale);
            }
            optimizer.step();
            if (discriminator is not null) StepDiscriminator(realScores!, fakeScores ?? discriminator.Scores(decoded!.detach()));
            if (averaged != null)
            {
                using var noGrad = no_grad();
                double decay = Math.Min(options.EmaDecay, (1.0 + State.GlobalStep) / (10.0 + State.GlobalStep));
                for (int i = 0; i < liveParameters.Length; i++)
                {
                    averagedParameters[i].mul_(decay).add_(liveParameters[i], alpha: 1 - decay);
                }
            }
            return lossValue;
        }

        /// <summary>
        /// L2 norm of the gradient at the decoder's output weights of <paramref name="output"/> (a scalar term when
        /// <paramref name="gradient"/> is null, else the decoded sprites with that gradient at them); the graph is kept.
        /// </summary>
        private double OutputGradientNorm(Tensor output, Tensor? gradient)
        {
            using var scope = NewDisposeScope();
            Tensor[]? outputGradients = gradient is null ? null : new[] { gradient };
            return autograd.grad(new[] { output }, new[] { model.OutputConv.weight! }, outputGradients, retain_graph: true)[0].norm().item<float>();
        }

        /// <summary>
        /// A scaled term of the decoder (adversarial, feature matching or local contrast: <paramref name="term"/>, computed
        /// from <paramref name="fake"/>, the detached decoded sprites): its weighted value (detached, for the reported loss), its weighted gradient at the decoded
        /// sprites, and the smoothed ratio it is scaled by: updated (<see cref="SmoothedRatio"/>) when <paramref name="recNorm"/>, the
        /// reconstruction term's gradient norm at the decoder's output weights, is given (a probe step), else <paramref name="smoothedRatio"/> unchanged.
        /// </summary>
        private (Tensor Value, Tensor Gradient, double Ratio) ScaledTerm(Tensor term, Tensor fake, Tensor decoded, double? recNorm, double weight, double smoothedRatio)
        {
            Tensor gradient = autograd.grad(new[] { term }, new[] { fake }, retain_graph: true)[0];
            double ratio = recNorm is double norm ? SmoothedRatio(norm, OutputGradientNorm(decoded, gradient), smoothedRatio) : smoothedRatio;
            double scale = weight * ratio;
            return (term.detach() * scale, gradient * scale, ratio);
        }

        /// <summary>
        /// The smoothed gradient-norm ratio a scaled term (adversarial, feature matching or local contrast) is scaled by from
        /// this step on: the reconstruction term's gradient norm at the decoder's output weights (<paramref name="recNorm"/>) over
        /// the term's own (<paramref name="termNorm"/>), so a weight needs no retuning when the data size or likelihood
        /// changes the scale of the reconstruction term. <paramref name="smoothed"/> is the previous value (0 before the
        /// term's first step; kept in <see cref="TrainingProgressState"/> so resumed runs match). One measurement may raise it at
        /// most <see cref="AdversarialRatioStepLimit"/>-fold, because a step where the discriminator's gradient nearly
        /// vanishes gives a ratio in the thousands that, unsmoothed, blew training up.
        /// </summary>
        private static double SmoothedRatio(double recNorm, double termNorm, double smoothed)
        {
            double ratio = recNorm / (termNorm + 1e-4);
            if (!double.IsFinite(ratio)) return smoothed;
            return smoothed == 0 ? Math.Min(ratio, 1e4) : (1 - AdversarialRatioSmoothing) * smoothed + AdversarialRatioSmoothing * Math.Min(ratio, AdversarialRatioStepLimit * smoothed);
        }

        /// <summary>
        /// The feature-matching term: mean absolute difference between the discriminator's activations on the decoded
        /// sprites and on the training sprites they reconstruct, relative to the training sprites' mean activation, summed
        /// over its layers. It asks each reconstruction for the local texture of its own sprite (where the
        /// adversarial term only asks for a texture that looks real).
        /// </summary>
        private static Tensor FeatureMismatch(List<Tensor> realFeatures, List<Tensor> decodedFeatures)
        {
            Tensor total = zeros(1);
            for (int i = 0; i < realFeatures.Count; i++)
            {
                Tensor real = realFeatures[i].detach();
                total = total + (decodedFeatures[i] - real).abs().mean() / (real.abs().mean() + 1e-6);
            }
            return total.squeeze();
        }

        /// <summary>
        /// Adam steps per measurement of the scaled terms' gradient-norm ratios (<see cref="SmoothedRatio"/>); the steps in
        /// between reuse the smoothed ratio. The two measurements cost about a sixth of a step, and the smoothed ratio moves
        /// slowly, so measuring on every step only cost time (measured: README, Performance).
        /// </summary>
        internal const int ScaledTermProbeInterval = 4;
        /// <summary>Weight of the newest measurement in the smoothed ratio: 0.02 per step, compounded over <see cref="ScaledTermProbeInterval"/> steps.</summary>
        private static readonly double AdversarialRatioSmoothing = 1 - Math.Pow(1 - 0.02, ScaledTermProbeInterval);
        /// <summary>Largest multiple of the smoothed ratio one measurement counts with.</summary>
        private const double AdversarialRatioStepLimit = 4;

        /// <summary>
        /// One hinge-loss Adam step of the discriminator on real items against decoded ones (both scores computed with
        /// this step's discriminator); the gradient reaches the discriminator's weights only.
        /// </summary>
        private void StepDiscriminator(Tensor realScores, Tensor fakeScores)
        {
            Tensor hinge = nn.functional.relu(1 - realScores).mean() + nn.functional.relu(1 + fakeScores).mean();
            discriminatorOptimizer!.zero_grad();
            autograd.backward(new[] { hinge }, inputs: discriminatorParameters);
            if (double.IsFinite(hinge.item<float>())) discriminatorOptimizer.step();
            discriminatorOptimizer.zero_grad();
        }

        /// <summary>L2 norm of all gradients together; NaN or infinity when any gradient value is not finite.</summary>
        private double GradientNorm()
        {
            using var scope = NewDisposeScope();
            Tensor[] norms = liveParameters.Where(p => p.grad is not null).Select(p => p.grad!.norm()).ToArray();
            return norms.Length == 0 ? 0 : stack(norms).norm().item<float>();
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
            discriminatorOptimizer?.Dispose();
            discriminator?.Dispose();
        }
    }
}
