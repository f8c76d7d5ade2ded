using System.Collections.Generic;
using F = VaeProcgen.Onnx.OnnxFieldNumbers;

namespace VaeProcgen.Onnx
{
    /// <summary>Reads a GraphProto and its nodes.</summary>
    internal static class OnnxGraphReader
    {
        public static OnnxGraph Read(ProtoReader message, OnnxParseContext context)
        {
            var graph = new OnnxGraph();
            while (message.NextField())
            {
                switch (message.Field)
                {
                    case F.Graph.Node:
                        context.CountNode();
                        graph.Nodes.Add(ReadNode(message.ReadMessage("NodeProto"), context));
                        break;
                    case F.Graph.Name: graph.Name = message.ReadString(); break;
                    case F.Graph.Initializer: graph.Initializers.Add(OnnxTensorReader.Read(message.ReadMessage("TensorProto"), context)); break;
                    case F.Graph.DocString: graph.DocString = message.ReadString(); break;
                    case F.Graph.Input: graph.Inputs.Add(OnnxValueInfoReader.Read(message.ReadMessage("ValueInfoProto"), context)); break;
                    case F.Graph.Output: graph.Outputs.Add(OnnxValueInfoReader.Read(message.ReadMessage("ValueInfoProto"), context)); break;
                    case F.Graph.ValueInfo: graph.ValueInfos.Add(OnnxValueInfoReader.Read(message.ReadMessage("ValueInfoProto"), context)); break;
                    default: message.SkipField(); break;
                }
            }
            return graph;
        }

        private static OnnxNode ReadNode(ProtoReader message, OnnxParseContext context)
        {
            var node = new OnnxNode();
            while (message.NextField())
            {
                switch (message.Field)
                {
                    case F.Node.Input: node.Inputs.Add(message.ReadString()); break;
                    case F.Node.Output: node.Outputs.Add(message.ReadString()); break;
                    case F.Node.Name: node.Name = message.ReadString(); break;
                    case F.Node.OpType: node.OpType = message.ReadString(); break;
                    case F.Node.Attribute: node.Attributes.Add(OnnxAttributeReader.Read(message.ReadMessage("AttributeProto"), context)); break;
                    case F.Node.DocString: node.DocString = message.ReadString(); break;
                    case F.Node.Domain: node.Domain = message.ReadString(); break;
                    default: message.SkipField(); break;
                }
            }
            return node;
        }
    }
}
