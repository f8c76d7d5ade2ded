using System;
using System.Threading;
using VaeProcgen.Backends;
using VaeProcgen.Trainer.Models;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Tests.EndToEnd
{
    /// <summary>One tiny model trained in memory (64 sprites, 2 epochs, seeded) and exported once per test run.</summary>
    internal static class TrainedTinyModel
    {
        private static readonly Lazy<(byte[] Decoder, byte[] Encoder)> Files = new Lazy<(byte[], byte[])>(Train);

        public static byte[] DecoderBytes => Files.Value.Decoder;
        public static byte[] EncoderBytes => Files.Value.Encoder;

        public static VaeModel Load(Backend backend) =>
            VaeModel.Load(DecoderBytes, EncoderBytes, new VaeModelOptions { Backend = backend });

        private static (byte[], byte[]) Train()
        {
            const long seed = 5;
            using PreparedData data = EmbeddedSprites.Prepare(64, (int)seed);
            using ConvVae model = TinyModels.CreateUntrained(VaePreset.Tiny, TinyModels.LatentSize, seed);
            using var trainer = new VaeTrainer(model, TinyModels.TrainingOptions(2, seed));
            trainer.Run(data.Train, data.Test, new SilentObserver(), _ => { }, CancellationToken.None);
            var metadata = TinyModels.Metadata(model, data.Fingerprint);
            return (TinyModels.DecoderBytes(model, metadata), TinyModels.EncoderBytes(model, metadata));
        }
    }
}
