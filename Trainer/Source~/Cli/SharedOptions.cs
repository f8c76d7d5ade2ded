using System.CommandLine;
using VaeProcgen.Backends;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>Options several commands share, spelled once.</summary>
    internal static class SharedOptions
    {
        public static Option<string> Model() => new Option<string>("--model") { Description = "Model folder written by 'train' (holds decoder.onnx, encoder.onnx).", Required = true };

        public static Option<string> Out(string description) => new Option<string>("--out") { Description = description, Required = true };

        /// <summary>
        /// `--fit`: how sprites of another size are brought to the model's size. The default, auto, pads sprites cut from a
        /// sheet with --slice auto (each is cropped to its content, so scaling would stretch it to fill the frame) and
        /// scales everything else.
        /// </summary>
        public static Option<string> Fit(string description)
        {
            var option = new Option<string>("--fit") { Description = description + " auto (default): pad for sprites cut from a sheet with --slice auto (cropped to their content), scale otherwise.", DefaultValueFactory = _ => "auto" };
            option.AcceptOnlyFromAmong("auto", "scale", "pad", "crop");
            return option;
        }

        /// <summary>The fit mode a --fit value names (auto resolved by whether the sprites come from automatic sheet slicing).</summary>
        public static Imaging.SpriteFitMode ParseFit(string text, bool autoSlicedSheet) => text switch
        {
            "pad" => Imaging.SpriteFitMode.Pad,
            "crop" => Imaging.SpriteFitMode.Crop,
            "scale" => Imaging.SpriteFitMode.Scale,
            _ => autoSlicedSheet ? Imaging.SpriteFitMode.Pad : Imaging.SpriteFitMode.Scale,
        };

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
