using System;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.InteropServices.JavaScript;
using System.Text;
using VaeProcgen.Backends;

namespace VaeProcgen.WasmCheck
{
    /// <summary>
    /// Runs in browser WebAssembly under Node (main.mjs): decodes fixed seeds of a sprite model and a level of a
    /// tiles model on the managed backend and compares them with the CoreCLR + ONNX Runtime report that the
    /// Reference program wrote. Arguments: sprite decoder.onnx, tiles decoder.onnx, reference report. Exit code 0
    /// when every pixel is within 1/255 and the level is identical.
    /// </summary>
    internal static partial class Program
    {
        [JSImport("readBase64", "main.mjs")]
        private static partial string ReadBase64(string path);

        private static byte[] Read(string path) => Convert.FromBase64String(ReadBase64(path));

        private static int Main(string[] args)
        {
            if (args.Length != 3)
            {
                Console.Error.WriteLine("usage: node main.mjs <sprite decoder.onnx> <tiles decoder.onnx> <reference.txt>");
                return 2;
            }
            Console.WriteLine($"wasm-check: {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, " +
                $"Vector.IsHardwareAccelerated={Vector.IsHardwareAccelerated}, Vector<float>.Count={Vector<float>.Count}, ProcessorCount={Environment.ProcessorCount}");
            // The managed backend must detect that the browser has no threads and start none.
            bool threads = Backends.Managed.ThreadSupport.Available;
            int defaultThreads = new Backends.Managed.ManagedSessionOptions().MaxThreads;
            Console.WriteLine($"wasm-check: threads available={threads}, default MaxThreads={defaultThreads}");
            if (threads || defaultThreads != 1)
            {
                Console.WriteLine("wasm-check: FAIL the managed backend did not choose single-threaded mode in the browser");
                return 1;
            }
            byte[] sprites = Read(args[0]), tiles = Read(args[1]);
            string[] reference = Encoding.UTF8.GetString(Read(args[2])).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            int failures = 0;
            foreach (bool scalar in new[] { false, true })
            {
                // The scalar kernels are what a runtime without wasm SIMD (or any SIMD) runs; check both paths here.
                Backends.Managed.KernelPath.ForceScalar = scalar;
                string path = scalar ? "scalar kernels" : "vector kernels";
                var actual = CheckReport.Build(sprites, tiles, Backend.Managed);
                var problems = CheckReport.Compare(reference, actual, out int worstPixel);
                Console.WriteLine($"wasm-check ({path}): {CheckReport.Seeds} sprites, worst pixel difference {worstPixel}/255 vs CoreCLR + ONNX Runtime; " +
                    $"level {(problems.Any(p => p.StartsWith("level", StringComparison.Ordinal)) ? "DIFFERS" : "identical")}");
                double ms = CheckReport.MedianDecodeMilliseconds(sprites, Backend.Managed, 20);
                Console.WriteLine($"wasm-check ({path}): batch-1 sprite decode on the managed backend, median of 20: {CheckReport.Format(ms)} ms");
                foreach (string problem in problems) Console.WriteLine($"wasm-check ({path}): FAIL {problem}");
                failures += problems.Count;
            }
            return failures == 0 ? 0 : 1;
        }
    }
}
