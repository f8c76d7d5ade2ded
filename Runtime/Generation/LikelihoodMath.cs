using System;
using VaeProcgen.Contract;

namespace VaeProcgen.Generation
{
    /// <summary>Per-item reconstruction NLL and Gaussian KL, matching the trainer's loss. Thread-safe (stateless).</summary>
    internal static class LikelihoodMath
    {
        private const double Floor = 1e-7;

        /// <summary>
        /// -log p(x | decoder output) in nats for one item. Bernoulli: binary cross-entropy with probabilities
        /// clamped to [1e-7, 1-1e-7]; Gaussian: exact density with standard deviation <paramref name="gaussianSigma"/>;
        /// categorical: cross-entropy per cell where <paramref name="cellCount"/> cells share the channel axis.
        /// </summary>
        public static double ReconstructionNll(ReadOnlySpan<float> data, ReadOnlySpan<float> output, Likelihood likelihood, double gaussianSigma, int cellCount)
        {
            double sum = 0;
            switch (likelihood)
            {
                case Likelihood.Bernoulli:
                    for (int i = 0; i < data.Length; i++)
                    {
                        double p = Math.Min(1 - Floor, Math.Max(Floor, output[i]));
                        sum -= data[i] * Math.Log(p) + (1 - data[i]) * Math.Log(1 - p);
                    }
                    return sum;
                case Likelihood.Gaussian:
                    double norm = Math.Log(gaussianSigma * Math.Sqrt(2 * Math.PI));
                    for (int i = 0; i < data.Length; i++)
                    {
                        double d = data[i] - output[i];
                        sum += d * d / (2 * gaussianSigma * gaussianSigma) + norm;
                    }
                    return sum;
                default:
                    for (int i = 0; i < data.Length; i++)
                    {
                        if (data[i] > 0) sum -= data[i] * Math.Log(Math.Max(Floor, output[i]));
                    }
                    return sum;
            }
        }

        /// <summary>KL(N(mean, exp(logVariance)) || N(0, I)) in nats.</summary>
        public static double GaussianKl(ReadOnlySpan<float> mean, ReadOnlySpan<float> logVariance)
        {
            double kl = 0;
            for (int k = 0; k < mean.Length; k++)
            {
                kl += 0.5 * (mean[k] * (double)mean[k] + Math.Exp(logVariance[k]) - logVariance[k] - 1);
            }
            return kl;
        }
    }
}
