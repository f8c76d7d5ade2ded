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
        private readonly string fileName;
        private readonly int[] inputSizes;
        private readonly int[] outputSizes;
        private readonly Dictionary<int, Staging> staging = new Dictionary<int, Staging>();

        public ModelGraph(IGraphSession session, int[] inputSizes, int[] outputSizes, string fileName)
        {
            this.session = session;
            this.fileName = fileName;
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

        /// <summary>
        /// Runs one batch. A graph whose run fails although the inputs match the contract (output shapes that
        /// disagree with the contract, broken shape arithmetic in a damaged file) becomes a <see cref="VaeModelException"/>.
        /// </summary>
        public void Run(Staging s)
        {
            try
            {
                session.Run(s.Batch, s.InputMemories, s.OutputMemories);
            }
            catch (Exception e) when (e is ArgumentException
                || e is InvalidOperationException || e is IndexOutOfRangeException || e is OverflowException)
            {
                throw new VaeModelException($"{fileName} cannot run ({e.Message.Trim()}); the graph does not compute what its contract declares: re-export the model.", e);
            }
        }

        /// <summary>Runs one all-zero item so that a graph that cannot produce its contract outputs is refused at load.</summary>
        public void Probe() => Run(For(1));

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
