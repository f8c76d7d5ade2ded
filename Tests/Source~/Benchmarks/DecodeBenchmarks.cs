using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using VaeProcgen.Backends;

namespace VaeProcgen.Benchmarks
{
    /// <summary>
    /// Decode latency (batch 1) and throughput (batch 64) of one decoder on three paths over the same ONNX bytes:
    /// the ONNX Runtime backend through <see cref="VaeModel.Decode"/>, the managed backend through
    /// <see cref="VaeModel.Decode"/>, and raw <c>InferenceSession.Run</c> (the wrapper-overhead baseline, see
    /// <see cref="RawOnnxRuntimeDecoder"/>). All paths copy the result into the same caller buffer.
    /// </summary>
    [MemoryDiagnoser]
    public class DecodeBenchmarks
    {
        private VaeModel onnxRuntimeModel = null!;
        private VaeModel managedModel = null!;
        private RawOnnxRuntimeDecoder raw = null!;
        private float[] latents = null!;
        private float[] output = null!;

        /// <summary>Decoder name: tiny, small, base (sprites) or level (tiles).</summary>
        [ParamsSource(nameof(Models))]
        public string Model { get; set; } = "tiny";

        /// <summary>Items per decode call.</summary>
        [Params(1, 64)]
        public int Batch { get; set; }

        /// <summary>The models chosen on the command line.</summary>
        public static IEnumerable<string> Models => BenchmarkSettings.Models;

        [GlobalSetup]
        public void Setup()
        {
            BenchmarkModel model = BenchmarkModels.Get(Model);
            latents = BenchmarkModels.Latents(Batch, model.LatentSize);
            output = new float[Batch * model.ItemSize];
            onnxRuntimeModel = VaeModel.Load(model.DecoderOnnx, null, new VaeModelOptions { Backend = Backend.OnnxRuntime, Threads = BenchmarkSettings.Threads });
            managedModel = VaeModel.Load(model.DecoderOnnx, null, new VaeModelOptions { Backend = Backend.Managed, Threads = BenchmarkSettings.Threads });
            raw = new RawOnnxRuntimeDecoder(model.DecoderOnnx, latents, Batch, model.LatentSize, BenchmarkSettings.Threads);
            // First calls bind buffers and plan the graph; keep that out of the measurement.
            OnnxRuntimeBackend();
            ManagedBackend();
            RawOnnxRuntimeRun();
        }

        [Benchmark(Baseline = true)]
        public void RawOnnxRuntimeRun() => raw.Decode(output);

        [Benchmark]
        public void OnnxRuntimeBackend() => onnxRuntimeModel.Decode(latents, output);

        [Benchmark]
        public void ManagedBackend() => managedModel.Decode(latents, output);

        [GlobalCleanup]
        public void Cleanup()
        {
            onnxRuntimeModel.Dispose();
            managedModel.Dispose();
            raw.Dispose();
        }
    }
}
