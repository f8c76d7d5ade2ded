using System.Collections.Generic;

namespace VaeProcgen.Onnx
{
    /// <summary>One operator invocation in a graph (NodeProto).</summary>
    internal sealed class OnnxNode
    {
        /// <summary>Node name (for messages).</summary>
        public string Name { get; set; } = "";
        /// <summary>Operator type, e.g. "Conv".</summary>
        public string OpType { get; set; } = "";
        /// <summary>Operator domain; empty for the default ONNX domain.</summary>
        public string Domain { get; set; } = "";
        /// <summary>Input value names; an empty string is an omitted optional input.</summary>
        public List<string> Inputs { get; } = new List<string>();
        /// <summary>Output value names.</summary>
        public List<string> Outputs { get; } = new List<string>();
        /// <summary>Free text.</summary>
        public string DocString { get; set; } = "";
        /// <summary>Attributes.</summary>
        public List<OnnxAttribute> Attributes { get; } = new List<OnnxAttribute>();

        /// <summary>Finds an attribute by name, or null.</summary>
        public OnnxAttribute? FindAttribute(string name)
        {
            foreach (OnnxAttribute a in Attributes)
            {
                if (a.Name == name) return a;
            }
            return null;
        }
    }
}
