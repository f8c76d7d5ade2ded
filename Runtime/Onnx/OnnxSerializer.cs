using System;
using System.Collections.Generic;
using System.IO;
using F = VaeProcgen.Onnx.OnnxFieldNumbers;

namespace VaeProcgen.Onnx
{
    /// <summary>Writes an <see cref="OnnxModel"/> as an ONNX (ModelProto) protobuf file.</summary>
    internal static class OnnxSerializer
    {
        /// <summary>Serializes the model to ONNX bytes.</summary>
        /// <exception cref="ArgumentException">A tensor's data does not match its dims or type.</exception>
        public static byte[] Serialize(OnnxModel model)
        {
            if (model == null) throw new ArgumentNullException(nameof(model));
            return Encode(model).ToArray();
        }

        /// <summary>Serializes the model and writes the bytes to <paramref name="stream"/> (the stream stays open).</summary>
        /// <exception cref="ArgumentException">A tensor's data does not match its dims or type.</exception>
        public static void WriteTo(OnnxModel model, Stream stream)
        {
            if (model == null) throw new ArgumentNullException(nameof(model));
            if (stream == null) throw new ArgumentNullException(nameof(stream));
            Encode(model).CopyTo(stream);
        }

        private static ProtoWriter Encode(OnnxModel model)
        {
            var w = new ProtoWriter();
            w.WriteInt64(F.Model.IrVersion, model.IrVersion);
            WriteNonEmpty(w, F.Model.ProducerName, model.ProducerName);
            WriteNonEmpty(w, F.Model.ProducerVersion, model.ProducerVersion);
            WriteNonEmpty(w, F.Model.Domain, model.Domain);
            if (model.ModelVersion != 0) w.WriteInt64(F.Model.ModelVersion, model.ModelVersion);
            WriteNonEmpty(w, F.Model.DocString, model.DocString);
            w.BeginMessage(F.Model.Graph);
            WriteGraph(w, model.Graph);
            w.EndMessage();
            foreach (KeyValuePair<string, long> opset in model.OpsetImports)
            {
                w.BeginMessage(F.Model.OpsetImport);
                WriteNonEmpty(w, F.OperatorSetId.Domain, opset.Key);
                w.WriteInt64(F.OperatorSetId.Version, opset.Value);
                w.EndMessage();
            }
            foreach (KeyValuePair<string, string> entry in model.MetadataProps)
            {
                OnnxTensorWriter.WriteEntry(w, F.Model.MetadataProps, entry);
            }
            return w;
        }

        private static void WriteGraph(ProtoWriter w, OnnxGraph graph)
        {
            foreach (OnnxNode node in graph.Nodes)
            {
                w.BeginMessage(F.Graph.Node);
                WriteNode(w, node);
                w.EndMessage();
            }
            WriteNonEmpty(w, F.Graph.Name, graph.Name);
            foreach (OnnxTensor tensor in graph.Initializers)
            {
                w.BeginMessage(F.Graph.Initializer);
                OnnxTensorWriter.WriteTensor(w, tensor);
                w.EndMessage();
            }
            WriteNonEmpty(w, F.Graph.DocString, graph.DocString);
            WriteValueInfos(w, F.Graph.Input, graph.Inputs);
            WriteValueInfos(w, F.Graph.Output, graph.Outputs);
            WriteValueInfos(w, F.Graph.ValueInfo, graph.ValueInfos);
        }

        private static void WriteNode(ProtoWriter w, OnnxNode node)
        {
            foreach (string input in node.Inputs) w.WriteString(F.Node.Input, input);
            foreach (string output in node.Outputs) w.WriteString(F.Node.Output, output);
            WriteNonEmpty(w, F.Node.Name, node.Name);
            w.WriteString(F.Node.OpType, node.OpType);
            foreach (OnnxAttribute attribute in node.Attributes)
            {
                w.BeginMessage(F.Node.Attribute);
                OnnxTensorWriter.WriteAttribute(w, attribute);
                w.EndMessage();
            }
            WriteNonEmpty(w, F.Node.DocString, node.DocString);
            WriteNonEmpty(w, F.Node.Domain, node.Domain);
        }

        private static void WriteValueInfos(ProtoWriter w, int field, List<OnnxValueInfo> values)
        {
            foreach (OnnxValueInfo value in values)
            {
                w.BeginMessage(field);
                OnnxTensorWriter.WriteValueInfo(w, value);
                w.EndMessage();
            }
        }

        internal static void WriteNonEmpty(ProtoWriter w, int field, string value)
        {
            if (!string.IsNullOrEmpty(value)) w.WriteString(field, value);
        }
    }
}
