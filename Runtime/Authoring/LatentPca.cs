using System;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace VaeProcgen.Authoring
{
    /// <summary>
    /// Principal components of a set of latent vectors (e.g. encoder means of a data folder): the mean, and the
    /// top eigenvectors of the covariance (MathNet.Numerics symmetric eigendecomposition). Deterministic.
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
        /// <param name="data">rows x dimension values, one vector after the other (e.g. encoder means).</param>
        /// <param name="rows">Number of vectors (at least 2).</param>
        /// <param name="dimension">Length of each vector (the latent size).</param>
        /// <param name="count">Number of components to keep, 1..dimension.</param>
        /// <returns>The mean, the components (largest variance first, largest-magnitude entry positive) and their variances.</returns>
        /// <exception cref="ArgumentException">Fewer than two rows, or <paramref name="data"/> does not hold rows x dimension values.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is outside 1..dimension.</exception>
        public static LatentPca Fit(ReadOnlySpan<float> data, int rows, int dimension, int count)
        {
            if (rows < 2) throw new ArgumentException("PCA needs at least two vectors.", nameof(rows));
            if (dimension < 1 || data.Length != rows * dimension) throw new ArgumentException($"Data holds {data.Length} values, not {rows} x {dimension}.", nameof(data));
            if (count < 1 || count > dimension) throw new ArgumentOutOfRangeException(nameof(count), count, $"Component count must be 1..{dimension}.");
            Matrix<double> centred = Matrix<double>.Build.Dense(rows, dimension);
            for (int r = 0; r < rows; r++)
                for (int d = 0; d < dimension; d++) centred[r, d] = data[r * dimension + d];
            Vector<double> mean = centred.ColumnSums() / rows;
            for (int r = 0; r < rows; r++) centred.SetRow(r, centred.Row(r) - mean);
            Matrix<double> covariance = centred.TransposeThisAndMultiply(centred) / (rows - 1);
            Evd<double> evd = covariance.Evd(Symmetricity.Symmetric);

            var components = new float[count][];
            var variances = new double[count];
            for (int c = 0; c < count; c++)
            {
                int column = dimension - 1 - c;   // eigenvalues of a symmetric EVD come in ascending order
                Vector<double> v = evd.EigenVectors.Column(column);
                // Sign convention: largest-magnitude entry positive, so the result is unique.
                if (v[v.AbsoluteMaximumIndex()] < 0) v = -v;
                components[c] = Array.ConvertAll(v.ToArray(), x => (float)x);
                variances[c] = Math.Max(0, evd.EigenValues[column].Real);
            }
            return new LatentPca(Array.ConvertAll(mean.ToArray(), x => (float)x), components, variances);
        }
    }
}
