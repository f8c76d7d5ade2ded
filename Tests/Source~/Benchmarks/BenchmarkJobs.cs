using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace VaeProcgen.Benchmarks
{
    /// <summary>
    /// The BenchmarkDotNet configuration. Everything runs in this process (InProcessEmitToolchain): no per-benchmark
    /// rebuild, TorchSharp's patched native shim stays in this output folder, and the [ParamsSource] statics set from
    /// the command line are visible to the benchmarks.
    /// </summary>
    internal static class BenchmarkJobs
    {
        public static IConfig Create(bool quick)
        {
            Job job = quick
                ? Job.Default.WithId("Quick").WithWarmupCount(1).WithIterationCount(3).WithIterationTime(TimeInterval.FromMilliseconds(100))
                : Job.Default.WithId("Full").WithMinIterationCount(10).WithMaxIterationCount(30);
            job = job.WithToolchain(InProcessEmitToolchain.Instance);
            return DefaultConfig.Instance
                .AddJob(job.AsDefault())
                .AddDiagnoser(MemoryDiagnoser.Default)
                .WithOptions(ConfigOptions.DisableLogFile);
        }
    }
}
