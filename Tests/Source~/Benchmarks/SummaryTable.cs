using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using VaeProcgen.Backends;

namespace VaeProcgen.Benchmarks
{
    /// <summary>
    /// The one table the issue asks for: every ratio against its baseline or the machine's limit, with the target
    /// next to it (reported, not asserted). Printed and written to BenchmarkDotNet.Artifacts/summary.md.
    /// </summary>
    internal sealed class SummaryTable
    {
        private readonly StringBuilder rows = new StringBuilder();
        private readonly MeasuredResults results;
        private readonly IReadOnlyList<DecodeAllocation> allocations;

        public SummaryTable(MeasuredResults results, IReadOnlyList<DecodeAllocation> allocations)
        {
            this.results = results;
            this.allocations = allocations;
        }

        public string Build()
        {
            rows.Clear();
            rows.AppendLine($"Threads per engine: {BenchmarkSettings.Threads}; mode: {(BenchmarkSettings.Quick ? "quick" : "full")}; {Environment.ProcessorCount} logical cores; " +
                $"managed kernels: {(System.Numerics.Vector.IsHardwareAccelerated ? $"vector (Vector<float>.Count = {System.Numerics.Vector<float>.Count})" : "scalar (Vector<T> not hardware-accelerated)")}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            rows.AppendLine();
            rows.AppendLine("| Measure | Model | Value | Target | Met |");
            rows.AppendLine("| --- | --- | --- | --- | --- |");
            double? ceiling = AddCeilingRows();
            foreach (string model in BenchmarkSettings.Models) AddDecodeRows(model, ceiling);
            AddAllocationRows();
            foreach (string preset in BenchmarkSettings.SpritePresets) AddTrainingRow(preset);
            AddLevelRows();
            return rows.ToString();
        }

        /// <summary>Best GFLOP/s per SGEMM engine, the ceiling (best of all) and the theoretical FMA peak; returns the ceiling.</summary>
        private double? AddCeilingRows()
        {
            double? ceiling = null;
            string[] engines = { nameof(SgemmCeilingBenchmark.TorchMatrixMultiply), nameof(SgemmCeilingBenchmark.OnnxRuntimeMatMul), nameof(SgemmCeilingBenchmark.OpenBlasSgemm) };
            foreach (string engine in engines)
            {
                if (engine == nameof(SgemmCeilingBenchmark.OpenBlasSgemm) && !OpenBlas.IsAvailable)
                {
                    Add("SGEMM, OpenBLAS cblas_sgemm", "-", "not installed (apt-get install libopenblas0-pthread)", "-", null);
                    continue;
                }
                double best = 0;
                int bestSize = 0;
                foreach (MeasuredCase measured in results.All(nameof(SgemmCeilingBenchmark), engine))
                {
                    int size = int.Parse(measured.Parameters["Size"], CultureInfo.InvariantCulture);
                    double gflops = SgemmCeilingBenchmark.Flops(size) / measured.MeanSeconds * 1e-9;
                    if (gflops > best) { best = gflops; bestSize = size; }
                }
                if (bestSize == 0) continue;
                Add($"SGEMM, {engine} (best size)", "-", $"{best:0.0} GFLOP/s at {bestSize}³", "-", null);
                ceiling = Math.Max(ceiling ?? 0, best);
            }
            Add("SGEMM ceiling (best engine and size, same run)", "-", ceiling.HasValue ? $"{ceiling:0.0} GFLOP/s" : "not run", "-", null);
            double? peak = MachinePeak.Gflops(BenchmarkSettings.Threads);
            Add("theoretical FMA peak (threads x clock x 2 FMA x lanes x 2)", "-",
                peak.HasValue ? $"{peak:0} GFLOP/s ({BenchmarkSettings.Threads} x {MachinePeak.ClockGhz():0.00} GHz x 2 x {MachinePeak.Lanes} x 2)" : "clock unknown", "-", null);
            return ceiling;
        }

        private void AddDecodeRows(string model, double? ceiling)
        {
            MeasuredCase? Decode(string method, int batch) => results.Find(nameof(DecodeBenchmarks), method, ("Model", model), ("Batch", batch));
            MeasuredCase? ort1 = Decode(nameof(DecodeBenchmarks.OnnxRuntimeBackend), 1);
            MeasuredCase? raw1 = Decode(nameof(DecodeBenchmarks.RawOnnxRuntimeRun), 1);
            MeasuredCase? managed1 = Decode(nameof(DecodeBenchmarks.ManagedBackend), 1);
            if (ort1 != null && raw1 != null)
            {
                double ratio = ort1.MeanSeconds / raw1.MeanSeconds;
                Add("ORT backend / raw Run, batch 1", model, $"{ratio:0.00}x ({Micro(ort1)} vs {Micro(raw1)})", "<= 1.10x", ratio <= 1.10);
            }
            if (ort1 != null && managed1 != null)
            {
                double ratio = managed1.MeanSeconds / ort1.MeanSeconds, target = System.Numerics.Vector.IsHardwareAccelerated ? 1.5 : 15;
                Add("managed / ORT backend, batch 1", model, $"{ratio:0.00}x ({Micro(managed1)} vs {Micro(ort1)})", $"<= {target}x", ratio <= target);
            }
            double flops = BenchmarkModels.Get(model).DecoderFlops(64);
            foreach (string method in new[] { nameof(DecodeBenchmarks.OnnxRuntimeBackend), nameof(DecodeBenchmarks.ManagedBackend), nameof(DecodeBenchmarks.RawOnnxRuntimeRun) })
            {
                MeasuredCase? b64 = Decode(method, 64);
                if (b64 == null) continue;
                double gflops = flops / b64.MeanSeconds * 1e-9;
                double? share = ceiling.HasValue ? gflops / ceiling.Value : (double?)null;
                string ofCeiling = share > 1 ? ", above the measured ceiling (the SGEMM engines under-performed in this run)" : share.HasValue ? $", {share:P0} of ceiling" : "";
                string value = $"{gflops:0.0} GFLOP/s, {64 / b64.MeanSeconds:0} items/s" + ofCeiling;
                Add($"{method} batch 64 vs SGEMM ceiling", model, value, ">= 70%", share.HasValue ? share >= 0.70 : (bool?)null);
            }
        }

        private void AddAllocationRows()
        {
            foreach (string model in BenchmarkSettings.Models)
            {
                foreach (Backend backend in new[] { Backend.OnnxRuntime, Backend.Managed })
                {
                    string method = backend == Backend.OnnxRuntime ? nameof(DecodeBenchmarks.OnnxRuntimeBackend) : nameof(DecodeBenchmarks.ManagedBackend);
                    foreach (int batch in new[] { 1, 64 })
                    {
                        MeasuredCase? measured = results.Find(nameof(DecodeBenchmarks), method, ("Model", model), ("Batch", batch));
                        DecodeAllocation? check = allocations.Where(a => a.Model == model && a.Backend == backend && a.Batch == batch).Select(a => (DecodeAllocation?)a).FirstOrDefault();
                        if (measured == null && check == null) continue;
                        string bdn = measured?.BytesPerOperation is long b ? $"{b} B (BenchmarkDotNet)" : "BenchmarkDotNet n/a";
                        string direct = check is DecodeAllocation c ? $"{c.ProcessBytes:0.#} B (direct check, all threads)" : "direct check n/a";
                        bool met = (measured?.BytesPerOperation ?? 0) == 0 && (check?.ProcessBytes ?? 0) == 0;
                        Add($"bytes allocated per decode, {backend}, batch {batch}", model, $"{bdn}; {direct}", "0 B", met);
                    }
                }
            }
        }

        private void AddTrainingRow(string preset)
        {
            MeasuredCase? trainer = results.Find(nameof(TrainingBenchmarks), nameof(TrainingBenchmarks.VaeTrainerEpoch), ("Preset", preset));
            MeasuredCase? bare = results.Find(nameof(TrainingBenchmarks), nameof(TrainingBenchmarks.BareTorchSharpLoop), ("Preset", preset));
            if (trainer == null || bare == null) return;
            double trainerRate = TrainingData.ItemsPerOperation / trainer.MeanSeconds, bareRate = TrainingData.ItemsPerOperation / bare.MeanSeconds;
            double ratio = trainerRate / bareRate;
            Add("VaeTrainer / bare TorchSharp loop (items/s)", preset, $"{ratio:P0} ({trainerRate:0} vs {bareRate:0} items/s)", ">= 90%", ratio >= 0.90);
        }

        private void AddLevelRows()
        {
            foreach (Backend backend in new[] { Backend.OnnxRuntime, Backend.Managed })
            {
                MeasuredCase? level = results.Find(nameof(LevelGenerationBenchmark), nameof(LevelGenerationBenchmark.GenerateLevel), ("Engine", backend));
                if (level == null) continue;
                Add($"seeded 200-column level (decode + stitch + repair), {backend}", "level", $"{level.MeanSeconds * 1e3:0.0} ms", "-", null);
                MeasuredCase? playable = results.Find(nameof(LevelGenerationBenchmark), nameof(LevelGenerationBenchmark.GeneratePlayableLevel), ("Engine", backend));
                if (playable == null) continue;
                Add($"seeded 200-column playable level (decode + stitch + check + repair), {backend}", "level", $"{playable.MeanSeconds * 1e3:0.0} ms", "< 60 ms",
                    playable.MeanSeconds < 0.060);
            }
        }

        private static string Micro(MeasuredCase c) => (c.MeanNanoseconds / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + " µs";

        private void Add(string measure, string model, string value, string target, bool? met) =>
            rows.AppendLine($"| {measure} | {model} | {value} | {target} | {(met.HasValue ? (met.Value ? "yes" : "NO") : "-")} |");

        public static void Write(string markdown, string artifactsPath)
        {
            Directory.CreateDirectory(artifactsPath);
            string path = Path.Combine(artifactsPath, "summary.md");
            File.WriteAllText(path, "# VaeProcgen benchmark summary\n\n" + markdown);
            Console.WriteLine($"Summary written to {path}");
        }
    }
}
