using System;
using System.Collections.Generic;
using Microsoft.ML.OnnxRuntime;

namespace VaeProcgen.Backends
{
    /// <summary>
    /// Runs a graph through native ONNX Runtime. For each batch size it owns input/output arrays that
    /// <see cref="OrtValue"/>s wrap in place, bound to an <see cref="OrtIoBinding"/>: the caller writes the input
    /// arrays, ONNX Runtime reads them and writes the output arrays directly, and a run allocates no managed memory.
    /// Incremental runs use a second binding per batch size. Not thread-safe (see <see cref="IGraphSession"/>).
    /// </summary>
    internal sealed class OnnxRuntimeSession : IGraphSession
    {
        private readonly InferenceSession session;
        private readonly RunOptions runOptions = new RunOptions();
        private readonly long[][] inputItemShapes;
        private readonly long[][] outputItemShapes;
        private readonly Dictionary<int, BoundBatch> bound = new Dictionary<int, BoundBatch>();
        private readonly Dictionary<int, BoundBatch> stepped = new Dictionary<int, BoundBatch>();
        private BoundBatch? stepping;
        private BoundBatch? finished;
        private bool disposed;

        public OnnxRuntimeSession(byte[] model, IReadOnlyList<string> inputNames, long[][] inputItemShapes,
            IReadOnlyList<string> outputNames, long[][] outputItemShapes, int threads)
        {
            using var options = new SessionOptions
            {
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            };
            if (threads > 0)
            {
                options.IntraOpNumThreads = threads;
            }
            options.InterOpNumThreads = 1;
            session = new InferenceSession(model, options);
            InputNames = inputNames;
            OutputNames = outputNames;
            this.inputItemShapes = inputItemShapes;
            this.outputItemShapes = outputItemShapes;
        }

        public Backend Kind => Backend.OnnxRuntime;
        public IReadOnlyList<string> InputNames { get; }
        public IReadOnlyList<string> OutputNames { get; }

        public Span<float> Input(int batch, int index) => For(bound, batch).InputBuffers[index];

        public void Run(int batch) => Execute(For(bound, batch));

        public ReadOnlySpan<float> Output(int batch, int index) => For(bound, batch).OutputBuffers[index];

        /// <summary>Copies the inputs of <paramref name="batch"/> into a second binding of that batch size, which <see cref="Step"/> runs.</summary>
        public void Begin(int batch)
        {
            BoundBatch source = For(bound, batch);
            BoundBatch target = For(stepped, batch);
            for (int i = 0; i < source.InputBuffers.Length; i++) source.InputBuffers[i].AsSpan().CopyTo(target.InputBuffers[i]);
            stepping = target;
            finished = null;
        }

        /// <summary>ONNX Runtime cannot pause inside a run: the first step runs the whole graph and returns false.</summary>
        public bool Step()
        {
            BoundBatch binding = stepping ?? throw new InvalidOperationException("Call Begin before Step.");
            stepping = null;
            Execute(binding);
            finished = binding;
            return false;
        }

        public ReadOnlySpan<float> StepOutput(int index) =>
            (finished ?? throw new InvalidOperationException("No incremental run has finished; call Step until it returns false.")).OutputBuffers[index];

        private BoundBatch For(Dictionary<int, BoundBatch> bindings, int batch)
        {
            if (disposed) throw new ObjectDisposedException(nameof(OnnxRuntimeSession));
            if (batch < 1) throw new ArgumentOutOfRangeException(nameof(batch), "The batch size must be at least 1.");
            if (!bindings.TryGetValue(batch, out BoundBatch? binding))
            {
                binding = new BoundBatch(session, batch, InputNames, inputItemShapes, OutputNames, outputItemShapes);
                bindings.Add(batch, binding);
            }
            return binding;
        }

        private void Execute(BoundBatch binding)
        {
            try
            {
                session.RunWithBinding(runOptions, binding.Binding);
            }
            catch (OnnxRuntimeException e)
            {
                // The core runtime does not know ONNX Runtime's exception type: hand it over as a failed run.
                throw new InvalidOperationException(e.Message, e);
            }
        }

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            foreach (BoundBatch b in bound.Values) b.Dispose();
            foreach (BoundBatch b in stepped.Values) b.Dispose();
            bound.Clear();
            stepped.Clear();
            runOptions.Dispose();
            session.Dispose();
        }

        private sealed class BoundBatch : IDisposable
        {
            private readonly List<OrtValue> values = new List<OrtValue>();

            public BoundBatch(InferenceSession session, int batch, IReadOnlyList<string> inputNames, long[][] inputShapes,
                IReadOnlyList<string> outputNames, long[][] outputShapes)
            {
                Binding = session.CreateIoBinding();
                InputBuffers = new float[inputNames.Count][];
                OutputBuffers = new float[outputNames.Count][];
                for (int i = 0; i < inputNames.Count; i++)
                {
                    InputBuffers[i] = Bind(batch, inputShapes[i], out OrtValue value);
                    Binding.BindInput(inputNames[i], value);
                }
                for (int o = 0; o < outputNames.Count; o++)
                {
                    OutputBuffers[o] = Bind(batch, outputShapes[o], out OrtValue value);
                    Binding.BindOutput(outputNames[o], value);
                }
            }

            public OrtIoBinding Binding { get; }
            public float[][] InputBuffers { get; }
            public float[][] OutputBuffers { get; }

            private float[] Bind(int batch, long[] itemShape, out OrtValue value)
            {
                var shape = new long[itemShape.Length + 1];
                shape[0] = batch;
                long size = batch;
                for (int d = 0; d < itemShape.Length; d++)
                {
                    shape[d + 1] = itemShape[d];
                    size *= itemShape[d];
                }
                var buffer = new float[size];
                value = OrtValue.CreateTensorValueFromMemory(buffer, shape);
                values.Add(value);
                return buffer;
            }

            public void Dispose()
            {
                Binding.Dispose();
                foreach (OrtValue v in values) v.Dispose();
            }
        }
    }
}
