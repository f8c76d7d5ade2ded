using VaeProcgen.Onnx;
using VaeProcgen.Trainer.Export;
using VaeProcgen.Trainer.Models;
using VaeProcgen.Trainer.Training;
using static TorchSharp.torch;

namespace VaeProcgen.Tests.EndToEnd
{
    /// <summary>Seeded 32x32 sprite models and their exported ONNX bytes, built in memory.</summary>
    internal static class TinyModels
    {
        public const int LatentSize = 8;

        public static ConvVae CreateUntrained(VaePreset preset, int latentSize, long seed)
        {
            manual_seed(seed);
            return new ConvVae(new VaeArchitecture(new VaeShape(4, 32, 32), preset, latentSize, 0));
        }

        public static ExportMetadata Metadata(ConvVae model, string fingerprint = "test-fingerprint") =>
            new ExportMetadata { Preset = model.Architecture.Preset.Name, DatasetFingerprint = fingerprint };

        public static byte[] DecoderBytes(ConvVae model, ExportMetadata metadata) =>
            OnnxSerializer.Serialize(OnnxExporter.BuildDecoder(model, metadata));

        public static byte[] EncoderBytes(ConvVae model, ExportMetadata metadata) =>
            OnnxSerializer.Serialize(OnnxExporter.BuildEncoder(model, metadata));

        /// <summary>Hyper-parameters small enough for a test: batches of 16, short KL warm-up.</summary>
        public static TrainingOptions TrainingOptions(int epochs, long seed) => new TrainingOptions
        {
            Epochs = epochs,
            BatchSize = 16,
            WarmupSteps = 10,
            LearningRate = 2e-3,
            Seed = seed,
        };
    }
}
