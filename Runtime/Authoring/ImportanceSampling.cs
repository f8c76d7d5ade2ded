using System;
using VaeProcgen.Generation;

namespace VaeProcgen.Authoring
{
    /// <summary>
    /// The importance-weighted bound (IWAE, Burda et al. 2015) on -log p(x): with z_1..z_K drawn from the
    /// encoder's posterior q(z|x), -log p(x) &lt;= -log (1/K) sum_k p(x|z_k) p(z_k) / q(z_k|x). K = 1 is the
    /// negative ELBO (in expectation); the bound tightens as K grows. Log-weights are combined with
    /// log-mean-exp in double precision. Deterministic: item n uses DeterministicRandom(seed + n).
    /// </summary>
    public static class ImportanceSampling
    {
        private static readonly double LogTwoPi = Math.Log(2 * Math.PI);

        /// <summary>
        /// The bound (nats) for each item of <paramref name="data"/> [B*C*H*W] (planar, as
        /// <see cref="VaeModel.Decode"/> writes). Needs the encoder.
        /// </summary>
        /// <param name="model">A model loaded with its encoder (any kind).</param>
        /// <param name="data">B items of <see cref="VaeModel.ItemSize"/> values (sprites: <see cref="VaeModel.RgbaToItems"/>).</param>
        /// <param name="k">Importance samples per item (at least 1; 1 is the negative ELBO).</param>
        /// <param name="seed">Seed of the posterior samples; item n uses seed + n.</param>
        /// <param name="labels">Conditional models: one label index per item; unconditional models: empty.</param>
        /// <returns>B bounds on -log p(x), in nats.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is below 1.</exception>
        /// <exception cref="ArgumentException"><paramref name="data"/> is not a positive multiple of the item size, or a
        /// conditional model lacks a valid label per item.</exception>
        /// <exception cref="VaeModelKindException">Labels are given to an unconditional model.</exception>
        /// <exception cref="InvalidOperationException">The model was loaded without encoder.onnx.</exception>
        public static double[] NegativeLogLikelihoodBound(VaeModel model, ReadOnlySpan<float> data, int k, long seed, ReadOnlySpan<int> labels = default)
        {
            if (model == null) throw new ArgumentNullException(nameof(model));
            if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "At least one importance sample is needed.");
            int itemSize = model.ItemSize, latentSize = model.LatentSize;
            if (data.Length == 0 || data.Length % itemSize != 0) throw new ArgumentException($"Data length {data.Length} is not a positive multiple of the item size {itemSize}.", nameof(data));
            int batch = data.Length / itemSize;
            var mean = new float[batch * latentSize];
            var logVariance = new float[batch * latentSize];
            model.Encode(data, mean, logVariance, labels);
            int cells = model.Contract.Height * model.Contract.Width;
            var z = new float[k * latentSize];
            var output = new float[k * itemSize];
            var logWeights = new double[k];
            var itemLabels = model.Contract.IsConditional ? new int[k] : null;
            var result = new double[batch];
            for (int n = 0; n < batch; n++)
            {
                var random = new DeterministicRandom(unchecked(seed + n));
                var mu = mean.AsSpan(n * latentSize, latentSize);
                var logVar = logVariance.AsSpan(n * latentSize, latentSize);
                for (int s = 0; s < k; s++)
                {
                    double logQ = 0, logP = 0;
                    for (int j = 0; j < latentSize; j++)
                    {
                        double eps = random.NextNormal();
                        float value = mu[j] + (float)(Math.Exp(0.5 * logVar[j]) * eps);
                        z[s * latentSize + j] = value;
                        double centred = value - mu[j];
                        logQ -= 0.5 * (centred * centred / Math.Exp(logVar[j]) + logVar[j] + LogTwoPi);
                        logP -= 0.5 * ((double)value * value + LogTwoPi);
                    }
                    logWeights[s] = logP - logQ;
                }
                if (itemLabels != null) Array.Fill(itemLabels, labels[n]);
                model.Decode(z, output, itemLabels);
                ReadOnlySpan<float> x = data.Slice(n * itemSize, itemSize);
                for (int s = 0; s < k; s++)
                {
                    logWeights[s] -= LikelihoodMath.ReconstructionNll(x, output.AsSpan(s * itemSize, itemSize), model.Contract.Likelihood, model.Contract.GaussianSigma, cells);
                }
                result[n] = -LogMeanExp(logWeights);
            }
            return result;
        }

        /// <summary>log((1/n) sum exp(values)), computed stably.</summary>
        internal static double LogMeanExp(ReadOnlySpan<double> values)
        {
            double max = double.NegativeInfinity;
            foreach (double v in values) max = Math.Max(max, v);
            if (double.IsNegativeInfinity(max)) return max;
            double sum = 0;
            foreach (double v in values) sum += Math.Exp(v - max);
            return max + Math.Log(sum / values.Length);
        }
    }
}
