using System;
using System.IO;
using VaeProcgen.Backends;

namespace VaeProcgen.WasmCheck
{
    /// <summary>CoreCLR reference of the WebAssembly check: writes the ONNX Runtime report. Arguments: sprite decoder, tiles decoder, output file.</summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length != 3)
            {
                Console.Error.WriteLine("usage: WasmCheckReference <sprite decoder.onnx> <tiles decoder.onnx> <reference.txt>");
                return 2;
            }
            byte[] sprites = File.ReadAllBytes(args[0]), tiles = File.ReadAllBytes(args[1]);
            File.WriteAllLines(args[2], CheckReport.Build(sprites, tiles, Backend.OnnxRuntime));
            Console.WriteLine($"wasm-check reference: wrote {args[2]} (CoreCLR, ONNX Runtime)");
            return 0;
        }
    }
}
