using BenchmarkDotNet.Attributes;
using TorchSharp;
using static TorchSharp.torch;

namespace VaeProcgen.Benchmarks
{
    /// <summary>
    /// The machine's limit for dense float math: one 1024 x 1024 x 1024 SGEMM through libtorch's <c>torch.mm</c>
    /// (MKL/OpenBLAS inside) on the same threads the decoders get. GFLOP/s = 2 * 1024^3 / time.
    /// </summary>
    [MemoryDiagnoser]
    public class SgemmCeilingBenchmark
    {
        /// <summary>M = N = K.</summary>
        public const int Size = 1024;

        /// <summary>Floating-point operations of one multiplication.</summary>
        public const double Flops = 2.0 * Size * Size * Size;

        private Tensor left = null!;
        private Tensor right = null!;

        [GlobalSetup]
        public void Setup()
        {
            torch.set_num_threads(BenchmarkSettings.Threads);
            torch.manual_seed(3);
            left = torch.rand(Size, Size);
            right = torch.rand(Size, Size);
            TorchMatrixMultiply();
        }

        [Benchmark]
        public void TorchMatrixMultiply()
        {
            using Tensor product = torch.mm(left, right);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            left.Dispose();
            right.Dispose();
        }
    }
}
