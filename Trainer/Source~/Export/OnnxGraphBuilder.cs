using System.Collections.Generic;
using System.Globalization;
using VaeProcgen.Onnx;
using static TorchSharp.torch;

namespace VaeProcgen.Trainer.Export
{
    /// <summary>Appends nodes and initializers to an ONNX graph with generated, unique value names.</summary>
    internal sealed class OnnxGraphBuilder
    {
        private int counter;

        public OnnxGraphBuilder(string name)
        {
            Graph = new OnnxGraph { Name = name };
        }

        public OnnxGraph Graph { get; }

        public string Weight(string name, Tensor value)
        {
            using Tensor data = value.detach().cpu().contiguous().to_type(ScalarType.Float32);
            Graph.Initializers.Add(OnnxTensor.FromFloats(name, data.shape, data.data<float>().ToArray()));
            return name;
        }

        public string FloatConstant(string name, float value)
        {
            Graph.Initializers.Add(OnnxTensor.FromFloats(name, new long[0], new[] { value }));
            return name;
        }

        public string Int64Constant(string name, params long[] values)
        {
            Graph.Initializers.Add(OnnxTensor.FromInt64s(name, new long[] { values.Length }, values));
            return name;
        }

        public string Node(string opType, IEnumerable<string> inputs, string? output = null, params OnnxAttribute[] attributes)
        {
            counter++;
            var node = new OnnxNode
            {
                Name = opType + "_" + counter.ToString(CultureInfo.InvariantCulture),
                OpType = opType,
            };
            node.Inputs.AddRange(inputs);
            string result = output ?? node.Name + "_out";
            node.Outputs.Add(result);
            node.Attributes.AddRange(attributes);
            Graph.Nodes.Add(node);
            return result;
        }

        public string Node(string opType, string input, string? output = null, params OnnxAttribute[] attributes) =>
            Node(opType, new[] { input }, output, attributes);
    }
}
