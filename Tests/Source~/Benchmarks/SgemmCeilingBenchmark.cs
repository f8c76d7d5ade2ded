using System;
using BenchmarkDotNet.Attributes;
using Microsoft.ML.OnnxRuntime;
using TorchSharp;
using VaeProcgen.Onnx;
using static TorchSharp.torch;

namespace VaeProcgen.Benchmarks
{
    /// <summary>
    /// The machine's measured limit for dense float math: square SGEMMs of several sizes through several engines on
    /// the threads the decoders get — libtorch's <c>torch.mm</c>, a one-node ONNX Runtime MatMul graph, and
    /// OpenBLAS's <c>cblas_sgemm</c> when libopenblas is installed. The ceiling is the best GFLOP/s (2 * n^3 / time)
    /// over every engine and size in the same run; <see cref="MachinePeak"/> reports the theoretical FMA peak beside it.
    /// </summary>
    [MemoryDiagnoser]
    public class SgemmCeilingBenchmark
    {
        private Tensor left = null!;
        private Tensor right = null!;
        private InferenceSession session = null!;
        private OrtValue ortInput = null!;
        private OrtValue ortOutput = null!;
        private readonly RunOptions runOptions = new RunOptions();
        private float[] a = null!, b = null!, c = null!;

        /// <summary>M = N = K.</summary>
        [Params(512, 1024, 2048)]
        public int Size { get; set; }

        /// <summary>Floating-point operations of one multiplication of <paramref name="size"/>-square matrices.</summary>
        public static double Flops(int size) => 2.0 * size * size * size;

        [GlobalSetup]
        public void Setup()
        {
            torch.set_num_threads(BenchmarkSettings.Threads);
            torch.manual_seed(3);
            left = torch.rand(Size, Size);
            right = torch.rand(Size, Size);
            var random = new Random(3);
            a = new float[Size * Size];
            b = new float[Size * Size];
            c = new float[Size * Size];
            for (int i = 0; i < a.Length; i++) { a[i] = (float)random.NextDouble(); b[i] = (float)random.NextDouble(); }
            using var options = new SessionOptions
            {
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                IntraOpNumThreads = BenchmarkSettings.Threads,
                InterOpNumThreads = 1,
            };
            session = new InferenceSession(OnnxSerializer.Serialize(MatMulGraph(Size, b)), options);
            ortInput = OrtValue.CreateTensorValueFromMemory(a, new long[] { Size, Size });
            ortOutput = OrtValue.CreateTensorValueFromMemory(c, new long[] { Size, Size });
            TorchMatrixMultiply();
            OnnxRuntimeMatMul();
            OpenBlasSgemm();
        }

        [Benchmark]
        public void TorchMatrixMultiply()
        {
            using Tensor product = torch.mm(left, right);
        }

        [Benchmark]
        public void OnnxRuntimeMatMul() => session.Run(runOptions, new[] { "a" }, new[] { ortInput }, new[] { "y" }, new[] { ortOutput });

        /// <summary>cblas_sgemm; does nothing (and is left out of the ceiling) when libopenblas is not installed.</summary>
        [Benchmark]
        public void OpenBlasSgemm()
        {
            if (OpenBlas.IsAvailable) OpenBlas.Multiply(a, b, c, Size, BenchmarkSettings.Threads);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            left.Dispose();
            right.Dispose();
            ortInput.Dispose();
            ortOutput.Dispose();
            runOptions.Dispose();
            session.Dispose();
        }

        private static OnnxModel MatMulGraph(int size, float[] weights)
        {
            var model = new OnnxModel { ProducerName = "VaeProcgen.Benchmarks" };
            model.OpsetImports.Add(new System.Collections.Generic.KeyValuePair<string, long>("", 17));
            model.Graph.Inputs.Add(OnnxValueInfo.Batched("a", size));
            model.Graph.Outputs.Add(OnnxValueInfo.Batched("y", size));
            model.Graph.Initializers.Add(OnnxTensor.FromFloats("b", new long[] { size, size }, weights));
            var node = new OnnxNode { OpType = "MatMul", Name = "matmul" };
            node.Inputs.AddRange(new[] { "a", "b" });
            node.Outputs.Add("y");
            model.Graph.Nodes.Add(node);
            return model;
        }
    }
}
