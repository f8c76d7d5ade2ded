using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using TorchSharp;

namespace VaeProcgen.Benchmarks
{
    /// <summary>
    /// Entry point. Own options: --quick (short job), --threads N (default: all cores), --models tiny,small,base,level
    /// (default: all). Everything else goes to BenchmarkDotNet (e.g. --filter *Decode*); without a filter all
    /// benchmarks run. Ends with the summary table (console and BenchmarkDotNet.Artifacts/summary.md).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            string[] benchmarkArgs = BenchmarkSettings.Parse(args);
            if (!benchmarkArgs.Contains("--filter")) benchmarkArgs = benchmarkArgs.Concat(new[] { "--filter", "*" }).ToArray();
            torch.set_num_threads(BenchmarkSettings.Threads);
            Console.WriteLine($"VaeProcgen benchmarks: models {string.Join(",", BenchmarkSettings.Models)}, {BenchmarkSettings.Threads} thread(s), {(BenchmarkSettings.Quick ? "quick" : "full")} mode");

            List<DecodeAllocation> allocations = DecodeAllocationCheck.Run(BenchmarkSettings.Models, BenchmarkSettings.Threads);
            IConfig config = BenchmarkJobs.Create(BenchmarkSettings.Quick);
            Summary[] summaries = BenchmarkSwitcher.FromTypes(new[]
            {
                typeof(SgemmCeilingBenchmark), typeof(DecodeBenchmarks), typeof(TrainingBenchmarks), typeof(LevelGenerationBenchmark),
            }).Run(benchmarkArgs, config).ToArray();

            string table = new SummaryTable(MeasuredResults.From(summaries), allocations).Build();
            Console.WriteLine();
            Console.WriteLine(table);
            SummaryTable.Write(table, config.ArtifactsPath ?? "BenchmarkDotNet.Artifacts");
            return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
        }
    }
}
