using System;
using VaeProcgen.Generation;

namespace VaeProcgen.Authoring
{
    /// <summary>
    /// Principal components of a set of latent vectors (e.g. encoder means of a data folder): the mean, and the
    /// top components of the covariance found by power iteration with deflation. Deterministic for a seed.
    /// </summary>
    public sealed class LatentPca
    {
        private LatentPca(float[] mean, float[][] components, double[] variances)
        {
            Mean = mean;
            Components = components;
            Variances = variances;
        }

        /// <summary>Mean vector (length K).</summary>
        public float[] Mean { get; }
        /// <summary>Unit-length principal directions, largest variance first.</summary>
        public float[][] Components { get; }
        /// <summary>Variance along each component.</summary>
        public double[] Variances { get; }

        /// <summary>
        /// Fits <paramref name="count"/> components to <paramref name="rows"/> vectors of size
        /// <paramref name="dimension"/> stored row after row in <paramref name="data"/>.
        /// </summary>
        public static LatentPca Fit(ReadOnlySpan<float> data, int rows, int dimension, int count, int iterations = 200, long seed = 0)
        {
            if (rows < 2) throw new ArgumentException("PCA needs at least two vectors.", nameof(rows));
            if (dimension < 1 || data.Length != rows * dimension) throw new ArgumentException($"Data holds {data.Length} values, not {rows} x {dimension}.", nameof(data));
            if (count < 1 || count > dimension) throw new ArgumentOutOfRangeException(nameof(count), count, $"Component count must be 1..{dimension}.");
            var mean = new double[dimension];
            for (int r = 0; r < rows; r++)
                for (int d = 0; d < dimension; d++) mean[d] += data[r * dimension + d];
            for (int d = 0; d < dimension; d++) mean[d] /= rows;
            var cov = new double[dimension, dimension];
            for (int r = 0; r < rows; r++)
            {
                for (int i = 0; i < dimension; i++)
                {
                    double ci = data[r * dimension + i] - mean[i];
                    for (int j = 0; j < dimension; j++) cov[i, j] += ci * (data[r * dimension + j] - mean[j]);
                }
            }
            for (int i = 0; i < dimension; i++)
                for (int j = 0; j < dimension; j++) cov[i, j] /= rows - 1;

            var components = new float[count][];
            var variances = new double[count];
            var random = new DeterministicRandom(seed);
            for (int c = 0; c < count; c++)
            {
                var v = new double[dimension];
                for (int d = 0; d < dimension; d++) v[d] = random.NextNormal();
                Normalize(v);
                double lambda = 0;
                var next = new double[dimension];
                for (int it = 0; it < iterations; it++)
                {
                    for (int i = 0; i < dimension; i++)
                    {
                        double s = 0;
                        for (int j = 0; j < dimension; j++) s += cov[i, j] * v[j];
                        next[i] = s;
                    }
                    lambda = Dot(v, next);
                    if (Normalize(next) == 0) break;
                    Array.Copy(next, v, dimension);
                }
                // Sign convention: largest-magnitude entry positive, so the result does not depend on the start.
                int big = 0;
                for (int d = 1; d < dimension; d++) if (Math.Abs(v[d]) > Math.Abs(v[big])) big = d;
                if (v[big] < 0) for (int d = 0; d < dimension; d++) v[d] = -v[d];
                components[c] = Array.ConvertAll(v, x => (float)x);
                variances[c] = Math.Max(0, lambda);
                for (int i = 0; i < dimension; i++)
                    for (int j = 0; j < dimension; j++) cov[i, j] -= lambda * v[i] * v[j];
            }
            return new LatentPca(Array.ConvertAll(mean, x => (float)x), components, variances);
        }

        private static double Dot(double[] a, double[] b)
        {
            double s = 0;
            for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
            return s;
        }

        private static double Normalize(double[] v)
        {
            double norm = Math.Sqrt(Dot(v, v));
            if (norm == 0) return 0;
            for (int i = 0; i < v.Length; i++) v[i] /= norm;
            return norm;
        }
    }
}
