using System;
using System.Collections.Generic;
using System.Linq;

namespace VaeProcgen.Benchmarks
{
    /// <summary>
    /// Run-wide choices parsed from the command line before BenchmarkDotNet starts. The benchmarks run in-process,
    /// so their [ParamsSource] properties read these statics directly.
    /// </summary>
    internal static class BenchmarkSettings
    {
        /// <summary>Every decoder the benchmarks know: the three sprite presets and the level (tiles) model.</summary>
        public static readonly string[] AllModels = { "tiny", "small", "base", "level" };

        /// <summary>Short iterations and few of them (see <see cref="BenchmarkJobs"/>).</summary>
        public static bool Quick { get; set; }

        /// <summary>Threads given to every engine (ORT intra-op, managed MaxThreads, libtorch); default: all cores.</summary>
        public static int Threads { get; set; } = Environment.ProcessorCount;

        /// <summary>Decoders selected with --models (default: all).</summary>
        public static IReadOnlyList<string> Models { get; set; } = AllModels;

        /// <summary>Sprite presets among the selected models (training benchmarks only use sprite presets).</summary>
        public static IEnumerable<string> SpritePresets => Models.Where(m => m != "level");

        /// <summary>True when the level model is selected.</summary>
        public static bool LevelSelected => Models.Contains("level");

        /// <summary>
        /// Removes this program's own options (--quick, --threads N, --models a,b) from the arguments and returns
        /// the rest for BenchmarkDotNet.
        /// </summary>
        public static string[] Parse(string[] args)
        {
            var rest = new List<string>();
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--quick":
                        Quick = true;
                        break;
                    case "--threads":
                        Threads = int.Parse(ValueAfter(args, ref i));
                        break;
                    case "--models":
                        Models = ValueAfter(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                            .Select(m => m.ToLowerInvariant()).ToArray();
                        foreach (string m in Models)
                        {
                            if (!AllModels.Contains(m)) throw new ArgumentException($"Unknown model '{m}'; use some of: {string.Join(",", AllModels)}.");
                        }
                        break;
                    default:
                        rest.Add(args[i]);
                        break;
                }
            }
            return rest.ToArray();
        }

        private static string ValueAfter(string[] args, ref int i)
        {
            if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs a value.");
            return args[++i];
        }
    }
}
