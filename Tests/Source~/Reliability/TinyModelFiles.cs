using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using VaeProcgen.Contract;
using VaeProcgen.Onnx;
using VaeProcgen.Trainer.Export;
using VaeProcgen.Trainer.Models;

namespace VaeProcgen.Tests.Reliability
{
    /// <summary>A real exported tiny model (4x8x8 sprites, latent 4, untrained weights) built once per test run.</summary>
    internal static class TinyModelFiles
    {
        public const int Latent = 4;
        private static readonly Lazy<(byte[] Decoder, byte[] Encoder)> Files = new Lazy<(byte[], byte[])>(Build);

        /// <summary>A fresh copy of the decoder.onnx bytes.</summary>
        public static byte[] Decoder => (byte[])Files.Value.Decoder.Clone();

        /// <summary>A fresh copy of the encoder.onnx bytes.</summary>
        public static byte[] Encoder => (byte[])Files.Value.Encoder.Clone();

        /// <summary>The decoder parsed into an editable model.</summary>
        public static OnnxModel ParsedDecoder() => OnnxParser.Parse(Files.Value.Decoder);

        /// <summary>Re-serializes an edited model.</summary>
        public static byte[] Bytes(OnnxModel model) => OnnxSerializer.Serialize(model);

        /// <summary>Replaces (or removes, when value is null) one metadata entry.</summary>
        public static void SetMetadata(OnnxModel model, string key, string? value)
        {
            int index = model.MetadataProps.FindIndex(kv => kv.Key == key);
            if (index >= 0) model.MetadataProps.RemoveAt(index);
            if (value != null) model.MetadataProps.Add(new KeyValuePair<string, string>(key, value));
        }

        /// <summary>The largest float initializer (a weight matrix or kernel).</summary>
        public static OnnxTensor LargestWeight(OnnxModel model) =>
            model.Graph.Initializers.Where(t => t.DataType == OnnxDataType.Float).OrderByDescending(t => t.FloatData.Length).First();

        private static (byte[], byte[]) Build()
        {
            lock (typeof(torch))
            {
                torch.manual_seed(11);
                var arch = new VaeArchitecture(new VaeShape(4, 8, 8), VaePreset.Tiny, Latent, 0);
                using var model = new ConvVae(arch);
                var metadata = new ExportMetadata { Preset = "tiny", DatasetFingerprint = "reliability-tests" };
                return (OnnxSerializer.Serialize(OnnxExporter.BuildDecoder(model, metadata)),
                        OnnxSerializer.Serialize(OnnxExporter.BuildEncoder(model, metadata)));
            }
        }
    }
}
