using System;
using System.Collections.Generic;
using VaeProcgen.Backends;

namespace VaeProcgen
{
    /// <summary>
    /// One opened graph plus the staging buffers VaeModel reuses per batch size, so repeated calls at a batch
    /// size allocate nothing. Not thread-safe; VaeModel serializes access.
    /// </summary>
    internal sealed class ModelGraph : IDisposable
    {
        private readonly IGraphSession session;
        private readonly int[] inputSizes;
        private readonly int[] outputSizes;
        private readonly Dictionary<int, Staging> staging = new Dictionary<int, Staging>();

        public ModelGraph(IGraphSession session, int[] inputSizes, int[] outputSizes)
        {
            this.session = session;
            this.inputSizes = inputSizes;
            this.outputSizes = outputSizes;
        }

        public Backend Kind => session.Kind;

        public IGraphSession Session => session;

        /// <summary>Staging buffers for a batch size: fill <see cref="Staging.Inputs"/>, call <see cref="Run"/>, read <see cref="Staging.Outputs"/>.</summary>
        public Staging For(int batch)
        {
            if (!staging.TryGetValue(batch, out Staging? s))
            {
                s = new Staging(batch, inputSizes, outputSizes);
                staging.Add(batch, s);
            }
            return s;
        }

        public void Run(Staging s) => session.Run(s.Batch, s.InputMemories, s.OutputMemories);

        public void Dispose() => session.Dispose();

        internal sealed class Staging
        {
            public Staging(int batch, int[] inputSizes, int[] outputSizes)
            {
                Batch = batch;
                Inputs = new float[inputSizes.Length][];
                Outputs = new float[outputSizes.Length][];
                var inputMemories = new ReadOnlyMemory<float>[inputSizes.Length];
                var outputMemories = new Memory<float>[outputSizes.Length];
                for (int i = 0; i < inputSizes.Length; i++)
                {
                    Inputs[i] = new float[batch * inputSizes[i]];
                    inputMemories[i] = Inputs[i];
                }
                for (int o = 0; o < outputSizes.Length; o++)
                {
                    Outputs[o] = new float[batch * outputSizes[o]];
                    outputMemories[o] = Outputs[o];
                }
                InputMemories = inputMemories;
                OutputMemories = outputMemories;
            }

            public int Batch { get; }
            public float[][] Inputs { get; }
            public float[][] Outputs { get; }
            public IReadOnlyList<ReadOnlyMemory<float>> InputMemories { get; }
            public IReadOnlyList<Memory<float>> OutputMemories { get; }
        }
    }
}
