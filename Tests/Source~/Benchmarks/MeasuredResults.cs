using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Reports;

namespace VaeProcgen.Benchmarks
{
    /// <summary>One benchmark case's result: mean time per operation and managed bytes allocated per operation.</summary>
    internal sealed class MeasuredCase
    {
        public MeasuredCase(string type, string method, IReadOnlyDictionary<string, string> parameters, double meanNanoseconds, long? bytesPerOperation)
        {
            Type = type;
            Method = method;
            Parameters = parameters;
            MeanNanoseconds = meanNanoseconds;
            BytesPerOperation = bytesPerOperation;
        }

        public string Type { get; }
        public string Method { get; }
        public IReadOnlyDictionary<string, string> Parameters { get; }
        public double MeanNanoseconds { get; }
        public double MeanSeconds => MeanNanoseconds * 1e-9;
        public long? BytesPerOperation { get; }
    }

    /// <summary>All measured cases of a run, looked up by benchmark class, method and parameter values.</summary>
    internal sealed class MeasuredResults
    {
        private readonly List<MeasuredCase> cases;

        private MeasuredResults(List<MeasuredCase> cases) => this.cases = cases;

        public static MeasuredResults From(IEnumerable<Summary> summaries)
        {
            var cases = new List<MeasuredCase>();
            foreach (Summary summary in summaries)
            {
                foreach (BenchmarkReport report in summary.Reports)
                {
                    if (report.ResultStatistics == null) continue;
                    var benchmark = report.BenchmarkCase;
                    var parameters = benchmark.Parameters.Items.ToDictionary(p => p.Name, p => p.Value?.ToString() ?? "");
                    long? bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmark);
                    cases.Add(new MeasuredCase(benchmark.Descriptor.Type.Name, benchmark.Descriptor.WorkloadMethod.Name, parameters, report.ResultStatistics.Mean, bytes));
                }
            }
            return new MeasuredResults(cases);
        }

        /// <summary>Every case of <paramref name="type"/>.<paramref name="method"/>.</summary>
        public IEnumerable<MeasuredCase> All(string type, string method) => cases.Where(c => c.Type == type && c.Method == method);

        /// <summary>The case of <paramref name="type"/>.<paramref name="method"/> whose parameters include all of <paramref name="parameters"/>, or null.</summary>
        public MeasuredCase? Find(string type, string method, params (string Name, object Value)[] parameters) =>
            cases.FirstOrDefault(c => c.Type == type && c.Method == method
                && parameters.All(p => c.Parameters.TryGetValue(p.Name, out string? v) && v == p.Value.ToString()));
    }
}
