using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using VaeProcgen.Contract;
using VaeProcgen.Trainer.Models;
using VaeProcgen.Trainer.Training;
using static TorchSharp.torch;

namespace VaeProcgen.Benchmarks
{
    /// <summary>
    /// The training baseline: the least a TorchSharp loop can do per step on the same model, batch and data —
    /// a contiguous batch slice, forward, loss (the trainer's own <see cref="VaeLoss"/> terms, beta 1), backward,
    /// Adam step. No shuffling, seeding, augmentation, learning-rate schedule, progress or loss read-back.
    /// </summary>
    internal sealed class BareTrainingLoop : System.IDisposable
    {
        private readonly ConvVae model;
        private readonly OptimizerHelper optimizer;

        public BareTrainingLoop(ConvVae model, double learningRate)
        {
            this.model = model;
            optimizer = optim.Adam(model.parameters(), learningRate);
            model.train();
        }

        /// <summary>One pass over <paramref name="data"/> in batches of <paramref name="batchSize"/>.</summary>
        public void RunEpoch(Tensor data, int batchSize)
        {
            long count = data.shape[0];
            for (long start = 0; start < count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                Tensor x = data.narrow(0, start, System.Math.Min(batchSize, count - start));
                var (mean, logVariance) = model.Encode(x);
                Tensor z = mean + (logVariance * 0.5).exp() * randn_like(mean);
                Tensor logits = model.DecodeLogits(z);
                Tensor loss = VaeLoss.Reconstruction(logits, x, Likelihood.Bernoulli, 0.1).mean()
                    + VaeLoss.KlPerDimension(mean, logVariance).sum(1).mean();
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }

        public void Dispose() => optimizer.Dispose();
    }
}
