using System.CommandLine;
using VaeProcgen.Backends;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>Options several commands share, spelled once.</summary>
    internal static class SharedOptions
    {
        public static Option<string> Model() => new Option<string>("--model") { Description = "Model folder written by 'train' (holds decoder.onnx, encoder.onnx).", Required = true };

        public static Option<string> Out(string description) => new Option<string>("--out") { Description = description, Required = true };

        public static Option<long> Seed(long defaultValue) => new Option<long>("--seed") { Description = "Random seed (same seed, same result).", DefaultValueFactory = _ => defaultValue };

        public static Option<string> BackendChoice()
        {
            var option = new Option<string>("--backend") { Description = "Inference engine: auto (ONNX Runtime, managed fallback), onnxruntime or managed.", DefaultValueFactory = _ => "auto" };
            option.AcceptOnlyFromAmong("auto", "onnxruntime", "managed");
            return option;
        }

        public static Option<string> Prior()
        {
            var option = new Option<string>("--prior") { Description = "fitted (the aggregate-posterior prior stored with the model; default when present) or standard (N(0, I)).", DefaultValueFactory = _ => "fitted" };
            option.AcceptOnlyFromAmong("fitted", "standard");
            return option;
        }

        public static Backend ParseBackend(string text) => text switch
        {
            "onnxruntime" => Backend.OnnxRuntime,
            "managed" => Backend.Managed,
            _ => Backend.Auto,
        };

        public static VaeModel LoadModel(string folder, string backend, bool standardNormalPrior = false) =>
            VaeModel.Load(folder, new VaeModelOptions
            {
                Backend = ParseBackend(backend),
                Prior = standardNormalPrior ? Generation.LatentPriorChoice.StandardNormal : Generation.LatentPriorChoice.Auto,
            });
    }
}
