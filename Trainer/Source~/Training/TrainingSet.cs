using System;
using static TorchSharp.torch;

namespace VaeProcgen.Trainer.Training
{
    /// <summary>
    /// Training or held-out data as one CPU tensor [N,C,H,W] plus optional one-hot labels [N,L].
    /// Owns its tensors; dispose when done.
    /// </summary>
    public sealed class TrainingSet : IDisposable
    {
        /// <summary>Wraps planar float data (N x C x H x W, already in the model's value range).</summary>
        public TrainingSet(float[] planar, int count, int channels, int height, int width, int[]? labelIndices = null, int labelCount = 0)
        {
            if (planar.Length != (long)count * channels * height * width)
            {
                throw new ArgumentException($"Expected {count}x{channels}x{height}x{width} values but got {planar.Length}.", nameof(planar));
            }
            Data = tensor(planar, new long[] { count, channels, height, width });
            if (labelIndices != null && labelCount > 0)
            {
                using Tensor indices = tensor(labelIndices, ScalarType.Int64);
                Labels = nn.functional.one_hot(indices, labelCount).to_type(ScalarType.Float32);
            }
        }

        /// <summary>Items [N,C,H,W].</summary>
        public Tensor Data { get; }
        /// <summary>One-hot labels [N,L], or null for unconditional training.</summary>
        public Tensor? Labels { get; }
        /// <summary>Number of items.</summary>
        public int Count => (int)Data.shape[0];

        /// <inheritdoc />
        public void Dispose()
        {
            Data.Dispose();
            Labels?.Dispose();
        }
    }
}
