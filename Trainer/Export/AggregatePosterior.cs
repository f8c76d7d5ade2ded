using System;
using VaeProcgen.Generation;
using VaeProcgen.Trainer.Models;
using VaeProcgen.Trainer.Training;
using static TorchSharp.torch;

namespace VaeProcgen.Trainer.Export
{
    /// <summary>Fits the <see cref="FittedLatentPrior"/> (the training set's aggregate posterior) that ships in the decoder's contract.</summary>
    public static class AggregatePosterior
    {
        /// <summary>Default extra spread of each component (latent units).</summary>
        public const double DefaultBandwidth = 0.3;
        /// <summary>Most components stored (an evenly spaced subset beyond this, to bound the file size).</summary>
        public const int MaxComponents = 2048;

        /// <summary>Encodes the training items and keeps their posterior means and standard deviations (and, for conditional models, their labels).</summary>
        public static FittedLatentPrior Fit(ConvVae model, TrainingSet train, double bandwidth)
        {
            using var noGrad = no_grad();
            int count = Math.Min(train.Count, MaxComponents);
            int latent = model.Architecture.LatentSize;
            var means = new float[count * latent];
            var sigmas = new float[count * latent];
            int[]? labels = train.Labels is null ? null : new int[count];
            model.eval();
            for (int n = 0; n < count; n++)
            {
                long index = (long)n * train.Count / count;
                using var scope = NewDisposeScope();
                Tensor x = train.Data.narrow(0, index, 1);
                var (mean, logVariance) = model.Encode(x, train.Labels?.narrow(0, index, 1));
                mean.data<float>().CopyTo(means, n * latent);
                (logVariance * 0.5).exp().data<float>().CopyTo(sigmas, n * latent);
                if (labels != null) labels[n] = (int)train.Labels!.narrow(0, index, 1).argmax().item<long>();
            }
            model.train();
            return new FittedLatentPrior(latent, means, sigmas, bandwidth, labels);
        }
    }
}
