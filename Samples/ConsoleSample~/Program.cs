using System;
using System.Globalization;
using System.IO;
using VaeProcgen.Authoring;
using VaeProcgen.Backends;

namespace VaeProcgen.Samples
{
    /// <summary>
    /// ConsoleSample &lt;modelDir&gt; &lt;outDir&gt; [seed] [count] [--backend managed|onnxruntime|auto] [--label NAME] [--smooth]
    /// Loads a sprite model and writes one PNG per seed (seed, seed+1, ...), snapped to the model's training palette
    /// like the command line's output unless --smooth is given.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            Backend backend = Backend.Auto;
            string? label = null;
            bool smooth = false;
            var positional = new System.Collections.Generic.List<string>();
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--backend" && i + 1 < args.Length) backend = ParseBackend(args[++i]);
                else if (args[i] == "--label" && i + 1 < args.Length) label = args[++i];
                else if (args[i] == "--smooth") smooth = true;
                else positional.Add(args[i]);
            }
            if (positional.Count < 2)
            {
                Console.Error.WriteLine("usage: ConsoleSample <modelDir> <outDir> [seed] [count] [--backend managed|onnxruntime|auto] [--label NAME] [--smooth]");
                return 2;
            }
            long seed = positional.Count > 2 ? long.Parse(positional[2], CultureInfo.InvariantCulture) : 1;
            int count = positional.Count > 3 ? int.Parse(positional[3], CultureInfo.InvariantCulture) : 8;
            try
            {
                using VaeModel model = VaeModel.Load(positional[0], new VaeModelOptions { Backend = backend });
                int labelIndex = label == null ? VaeModel.NoLabel : model.LabelIndex(label);
                PaletteSnapper? snapper = smooth ? null : PaletteSnapper.ForModel(model.Contract);
                Directory.CreateDirectory(positional[1]);
                for (long s = seed; s < seed + count; s++)
                {
                    byte[] rgba = model.GenerateRgba(s, labelIndex);
                    snapper?.Snap(rgba);
                    string path = Path.Combine(positional[1], $"sprite_{s}.png");
                    File.WriteAllBytes(path, TinyPng.Encode(rgba, model.Contract.Width, model.Contract.Height));
                    Console.WriteLine($"wrote {path}");
                }
                Console.WriteLine($"{count} sprite(s) of {model.Contract.Width}x{model.Contract.Height} on {model.Backend}");
                return 0;
            }
            catch (Exception error) when (error is VaeModelException or ArgumentException or IOException or InvalidOperationException)
            {
                Console.Error.WriteLine($"error: {error.Message}");
                return 1;
            }
        }

        private static Backend ParseBackend(string name) => name.ToLowerInvariant() switch
        {
            "managed" => Backend.Managed,
            "onnxruntime" => Backend.OnnxRuntime,
            "auto" => Backend.Auto,
            _ => throw new ArgumentException($"unknown backend '{name}'; use managed, onnxruntime or auto"),
        };
    }
}
