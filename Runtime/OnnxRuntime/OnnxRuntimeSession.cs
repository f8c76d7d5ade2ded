using System;
using System.Collections.Generic;
using Microsoft.ML.OnnxRuntime;

namespace VaeProcgen.Backends
{
    /// <summary>
    /// Runs a graph through native ONNX Runtime. For each batch size it keeps pinned input/output arrays bound
    /// to an <see cref="OrtIoBinding"/>, so a run copies in, runs and copies out without managed allocations.
    /// Not thread-safe (see <see cref="IGraphSession"/>).
    /// </summary>
    internal sealed class OnnxRuntimeSession : IGraphSession
    {
        private readonly InferenceSession session;
        private readonly RunOptions runOptions = new RunOptions();
        private readonly long[][] inputItemShapes;
        private readonly long[][] outputItemShapes;
        private readonly Dictionary<int, BoundBatch> bound = new Dictionary<int, BoundBatch>();

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

        public void Run(int batch, IReadOnlyList<ReadOnlyMemory<float>> inputs, IReadOnlyList<Memory<float>> outputs)
        {
            if (!bound.TryGetValue(batch, out BoundBatch? binding))
            {
                binding = new BoundBatch(session, batch, InputNames, inputItemShapes, OutputNames, outputItemShapes);
                bound.Add(batch, binding);
            }
            for (int i = 0; i < inputs.Count; i++)
            {
                inputs[i].Span.CopyTo(binding.InputBuffers[i]);
            }
            try
            {
                session.RunWithBinding(runOptions, binding.Binding);
            }
            catch (OnnxRuntimeException e)
            {
                // The core runtime does not know ONNX Runtime's exception type: hand it over as a failed run.
                throw new InvalidOperationException(e.Message, e);
            }
            for (int o = 0; o < outputs.Count; o++)
            {
                binding.OutputBuffers[o].AsSpan(0, outputs[o].Length).CopyTo(outputs[o].Span);
            }
        }

        public void Dispose()
        {
            foreach (BoundBatch b in bound.Values) b.Dispose();
            bound.Clear();
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
