using System.IO;
using VaeProcgen.Contract;
using VaeProcgen.Onnx;
using VaeProcgen.Trainer.Models;

namespace VaeProcgen.Trainer.Export
{
    /// <summary>Writes decoder.onnx and encoder.onnx into a model folder, each through a temporary file and a rename.</summary>
    internal static class ModelWriter
    {
        /// <summary>Exports both graphs of <paramref name="model"/> into <paramref name="folder"/>.</summary>
        public static void Write(ConvVae model, ExportMetadata metadata, string folder)
        {
            Directory.CreateDirectory(folder);
            WriteAtomically(OnnxExporter.BuildDecoder(model, metadata), Path.Combine(folder, ContractNames.DecoderFileName));
            WriteAtomically(OnnxExporter.BuildEncoder(model, metadata), Path.Combine(folder, ContractNames.EncoderFileName));
        }

        /// <summary>Serializes to path.tmp, flushes to disk, renames over path.</summary>
        public static void WriteAtomically(OnnxModel model, string path)
        {
            string temporary = path + ".tmp";
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                OnnxSerializer.WriteTo(model, stream);
                stream.Flush(true);
            }
            File.Move(temporary, path, overwrite: true);
        }
    }
}
