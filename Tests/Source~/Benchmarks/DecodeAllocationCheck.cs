using System;
using System.Collections.Generic;
using VaeProcgen.Backends;

namespace VaeProcgen.Benchmarks
{
    /// <summary>Managed bytes one decode allocates after warm-up, on the calling thread and process-wide.</summary>
    internal readonly struct DecodeAllocation
    {
        public DecodeAllocation(string model, Backend backend, int batch, double callingThreadBytes, double processBytes)
        {
            Model = model;
            Backend = backend;
            Batch = batch;
            CallingThreadBytes = callingThreadBytes;
            ProcessBytes = processBytes;
        }

        public string Model { get; }
        public Backend Backend { get; }
        public int Batch { get; }
        public double CallingThreadBytes { get; }
        public double ProcessBytes { get; }
    }

    /// <summary>
    /// A direct check, independent of BenchmarkDotNet: warm a model up with a few decodes, then count the managed
    /// bytes allocated over two rounds of 20 more (GC.GetAllocatedBytesForCurrentThread for the caller,
    /// GC.GetTotalAllocatedBytes for every thread, which includes the managed backend's workers) and keep the
    /// smaller round: an allocation made by every decode shows in both, a one-off (tiered JIT, a thread starting) in one.
    /// </summary>
    internal static class DecodeAllocationCheck
    {
        private const int WarmupCalls = 5;
        private const int MeasuredCalls = 20;

        public static List<DecodeAllocation> Run(IEnumerable<string> models, int threads)
        {
            var results = new List<DecodeAllocation>();
            foreach (string name in models)
            {
                BenchmarkModel model = BenchmarkModels.Get(name);
                foreach (Backend backend in new[] { Backend.OnnxRuntime, Backend.Managed })
                {
                    using VaeModel vae = VaeModel.Load(model.DecoderOnnx, null, new VaeModelOptions { Backend = backend, Threads = threads });
                    foreach (int batch in new[] { 1, 64 })
                    {
                        results.Add(Measure(vae, name, backend, batch, model));
                    }
                }
            }
            return results;
        }

        private static DecodeAllocation Measure(VaeModel vae, string name, Backend backend, int batch, BenchmarkModel model)
        {
            float[] latents = BenchmarkModels.Latents(batch, model.LatentSize);
            var output = new float[batch * model.ItemSize];
            for (int i = 0; i < WarmupCalls; i++) vae.Decode(latents, output);
            var (thread1, process1) = MeasureRound(vae, latents, output);
            var (thread2, process2) = MeasureRound(vae, latents, output);
            var result = new DecodeAllocation(name, backend, batch, Math.Min(thread1, thread2) / (double)MeasuredCalls, Math.Min(process1, process2) / (double)MeasuredCalls);
            Console.WriteLine($"allocation check: {name,-5} {backend,-11} batch {batch,2}: {result.CallingThreadBytes,8:0.#} B/decode calling thread, {result.ProcessBytes,8:0.#} B/decode process");
            return result;
        }

        private static (long CallingThreadBytes, long ProcessBytes) MeasureRound(VaeModel vae, float[] latents, float[] output)
        {
            long threadBefore = GC.GetAllocatedBytesForCurrentThread();
            long processBefore = GC.GetTotalAllocatedBytes(precise: true);
            for (int i = 0; i < MeasuredCalls; i++) vae.Decode(latents, output);
            long processAfter = GC.GetTotalAllocatedBytes(precise: true);
            long threadAfter = GC.GetAllocatedBytesForCurrentThread();
            return (threadAfter - threadBefore, processAfter - processBefore);
        }
    }
}
