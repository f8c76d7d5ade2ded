using System;
using System.Collections.Generic;
using System.IO;
using F = VaeProcgen.Onnx.OnnxFieldNumbers;

namespace VaeProcgen.Onnx
{
    /// <summary>
    /// Reads ONNX (ModelProto) bytes into an <see cref="OnnxModel"/>. Every malformed, truncated or oversized
    /// input fails with an <see cref="OnnxFormatException"/>. External tensor data is described, never opened.
    /// </summary>
    internal static class OnnxParser
    {
        /// <summary>Parses ONNX bytes.</summary>
        /// <param name="bytes">The whole .onnx file.</param>
        /// <param name="limits">Size limits; <see cref="OnnxReadLimits.Default"/> when null.</param>
        /// <exception cref="OnnxFormatException">The bytes are not a readable ONNX model within the limits.</exception>
        public static OnnxModel Parse(ReadOnlySpan<byte> bytes, OnnxReadLimits? limits = null)
        {
            limits ??= OnnxReadLimits.Default;
            if (bytes.Length > limits.MaxFileBytes)
                throw new OnnxFormatException($"The ONNX data is {bytes.Length} bytes, above the limit of {limits.MaxFileBytes} bytes; raise OnnxReadLimits.MaxFileBytes if the model is trusted.");
            if (bytes.IsEmpty)
                throw new OnnxFormatException("The ONNX file is empty; re-export the model.");
            var context = new OnnxParseContext(limits);
            return ReadModel(context.Root(bytes), context);
        }

        /// <summary>Reads and parses an .onnx file, refusing files larger than <see cref="OnnxReadLimits.MaxFileBytes"/> before reading them.</summary>
        /// <param name="path">Path of the .onnx file.</param>
        /// <param name="limits">Size limits; <see cref="OnnxReadLimits.Default"/> when null.</param>
        /// <exception cref="OnnxFormatException">The file cannot be read or is not a readable ONNX model within the limits.</exception>
        public static OnnxModel Parse(string path, OnnxReadLimits? limits = null)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            limits ??= OnnxReadLimits.Default;
            return Parse(ReadCapped(path, limits.MaxFileBytes), limits);
        }

        private static byte[] ReadCapped(string path, long maxBytes)
        {
            try
            {
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
                {
                    if (stream.Length > maxBytes)
                        throw new OnnxFormatException($"The ONNX file '{path}' is {stream.Length} bytes, above the limit of {maxBytes} bytes; raise OnnxReadLimits.MaxFileBytes if the model is trusted.");
                    var bytes = new byte[stream.Length];
                    int read = 0;
                    while (read < bytes.Length)
                    {
                        int n = stream.Read(bytes, read, bytes.Length - read);
                        if (n == 0) throw new OnnxFormatException($"The ONNX file '{path}' became shorter while it was read; copy it again.");
                        read += n;
                    }
                    return bytes;
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                throw new OnnxFormatException($"The ONNX file '{path}' cannot be read ({e.Message.TrimEnd('.')}); check the path and permissions.", e);
            }
        }

        private static OnnxModel ReadModel(ProtoReader message, OnnxParseContext context)
        {
            var model = new OnnxModel { IrVersion = 0 };
            bool hasGraph = false;
            while (message.NextField())
            {
                switch (message.Field)
                {
                    case F.Model.IrVersion: model.IrVersion = message.ReadInt64(); break;
                    case F.Model.ProducerName: model.ProducerName = message.ReadString(); break;
                    case F.Model.ProducerVersion: model.ProducerVersion = message.ReadString(); break;
                    case F.Model.Domain: model.Domain = message.ReadString(); break;
                    case F.Model.ModelVersion: model.ModelVersion = message.ReadInt64(); break;
                    case F.Model.DocString: model.DocString = message.ReadString(); break;
                    case F.Model.Graph:
                        if (hasGraph) throw message.Malformed("ModelProto contains two graphs");
                        model.Graph = OnnxGraphReader.Read(message.ReadMessage("GraphProto"), context);
                        hasGraph = true;
                        break;
                    case F.Model.OpsetImport:
                        context.CountEntry();
                        model.OpsetImports.Add(ReadOpset(message.ReadMessage("OperatorSetIdProto")));
                        break;
                    case F.Model.MetadataProps:
                        context.CountEntry();
                        model.MetadataProps.Add(OnnxEntryReader.Read(message.ReadMessage("StringStringEntryProto")));
                        break;
                    default: message.SkipField(); break;
                }
            }
            if (!hasGraph)
                throw new OnnxFormatException("The ONNX file contains no graph, so it is not a model (or it is truncated); re-export the model.");
            return model;
        }

        private static KeyValuePair<string, long> ReadOpset(ProtoReader message)
        {
            string domain = "";
            long version = 0;
            while (message.NextField())
            {
                if (message.Field == F.OperatorSetId.Domain) domain = message.ReadString();
                else if (message.Field == F.OperatorSetId.Version) version = message.ReadInt64();
                else message.SkipField();
            }
            return new KeyValuePair<string, long>(domain, version);
        }
    }
}
