using System.Collections.Generic;

namespace VaeProcgen.Onnx
{
    /// <summary>A computation graph (GraphProto): nodes in topological order, initializers, inputs and outputs.</summary>
    internal sealed class OnnxGraph
    {
        /// <summary>Graph name.</summary>
        public string Name { get; set; } = "";
        /// <summary>Nodes, in topological order.</summary>
        public List<OnnxNode> Nodes { get; } = new List<OnnxNode>();
        /// <summary>Constant tensors (weights).</summary>
        public List<OnnxTensor> Initializers { get; } = new List<OnnxTensor>();
        /// <summary>Graph inputs (initializers may also be listed here by old exporters).</summary>
        public List<OnnxValueInfo> Inputs { get; } = new List<OnnxValueInfo>();
        /// <summary>Graph outputs.</summary>
        public List<OnnxValueInfo> Outputs { get; } = new List<OnnxValueInfo>();
        /// <summary>Optional type and shape information for intermediate values (value_info).</summary>
        public List<OnnxValueInfo> ValueInfos { get; } = new List<OnnxValueInfo>();
        /// <summary>Free text.</summary>
        public string DocString { get; set; } = "";
    }
}
