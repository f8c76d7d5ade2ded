using System;
using Microsoft.ML.OnnxRuntime;
using VaeProcgen.Contract;

namespace VaeProcgen.Benchmarks
{
    /// <summary>
    /// The baseline: a decoder run the way ONNX Runtime's C# API is usually used, with the same session options as
    /// the backend. The input OrtValue wraps the caller's latent array and is created once (reused per call); the
    /// output is allocated by ONNX Runtime on every <c>InferenceSession.Run</c> and copied to the caller's buffer,
    /// then disposed.
    /// </summary>
    internal sealed class RawOnnxRuntimeDecoder : IDisposable
    {
        private readonly InferenceSession session;
        private readonly RunOptions runOptions = new RunOptions();
        private readonly OrtValue input;
        private readonly string[] inputNames = { ContractNames.LatentInput };
        private readonly string[] outputNames = { ContractNames.DataTensor };
        private readonly OrtValue[] inputValues;

        public RawOnnxRuntimeDecoder(byte[] model, float[] latents, int batch, int latentSize, int threads)
        {
            using var options = new SessionOptions
            {
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                IntraOpNumThreads = threads,
                InterOpNumThreads = 1,
            };
            session = new InferenceSession(model, options);
            input = OrtValue.CreateTensorValueFromMemory(latents, new long[] { batch, latentSize });
            inputValues = new[] { input };
        }

        public void Decode(Span<float> output)
        {
            using IDisposableReadOnlyCollection<OrtValue> results = session.Run(runOptions, inputNames, inputValues, outputNames);
            results[0].GetTensorDataAsSpan<float>().CopyTo(output);
        }

        public void Dispose()
        {
            input.Dispose();
            runOptions.Dispose();
            session.Dispose();
        }
    }
}
