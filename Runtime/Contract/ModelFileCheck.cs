using System;
using System.Collections.Generic;
using System.Linq;
using VaeProcgen.Onnx;

namespace VaeProcgen.Contract
{
    /// <summary>
    /// Checks a parsed ONNX file before any engine sees it: no external data (a path in a model file could
    /// point anywhere on disk), finite weights, and graph inputs/outputs that match the contract.
    /// </summary>
    internal static class ModelFileCheck
    {
        public static Dictionary<string, string> Metadata(OnnxModel model)
        {
            var props = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var kv in model.MetadataProps) props[kv.Key] = kv.Value;
            return props;
        }

        public static void RequireSafeWeights(OnnxModel model, string fileName)
        {
            foreach (OnnxTensor tensor in AllTensors(model))
            {
                if (tensor.IsExternal)
                {
                    throw new VaeModelException($"{fileName}: tensor '{tensor.Name}' stores its data in an external file, which VaeProcgen refuses for safety; re-export the model with weights inside the .onnx file.");
                }
                foreach (float v in tensor.FloatData)
                {
                    if (float.IsNaN(v) || float.IsInfinity(v))
                    {
                        throw new VaeModelException($"{fileName}: tensor '{tensor.Name}' contains NaN or infinite weights; the model is damaged or training diverged: retrain or re-export it.");
                    }
                }
            }
        }

        /// <summary>Checks that a graph input/output exists, is Float and has the per-item shape the metadata key <paramref name="contractKey"/> implies.</summary>
        public static void RequireTensor(IEnumerable<OnnxValueInfo> values, string name, long[] itemShape, string fileName, string direction, string contractKey)
        {
            OnnxValueInfo? info = values.FirstOrDefault(v => v.Name == name);
            if (info == null)
            {
                throw new VaeModelException($"{fileName} has no graph {direction} named '{name}' (found: {string.Join(", ", values.Select(v => v.Name))}); re-export the model with the current trainer.");
            }
            if (info.ElementType != OnnxDataType.Float)
            {
                throw new VaeModelException($"{fileName}: graph {direction} '{name}' has element type {info.ElementType} but the contract needs Float; re-export the model with the current trainer.");
            }
            if (info.Shape == null) return;
            string expected = "[N," + string.Join(",", itemShape) + "]";
            string found = "[" + string.Join(",", info.Shape.Select(d => d.ToString())) + "]";
            bool matches = info.Shape.Length == itemShape.Length + 1;
            for (int d = 0; matches && d < itemShape.Length; d++)
            {
                long? size = info.Shape[d + 1].Value;
                matches = !size.HasValue || size.Value == itemShape[d];
            }
            if (!matches)
            {
                throw new VaeModelException($"{fileName}: graph {direction} '{name}' has shape {found} but the contract (metadata '{contractKey}') says {expected}; the file and its metadata disagree: re-export the model.");
            }
        }

        private static IEnumerable<OnnxTensor> AllTensors(OnnxModel model)
        {
            foreach (OnnxTensor t in model.Graph.Initializers) yield return t;
            foreach (OnnxNode node in model.Graph.Nodes)
            {
                foreach (OnnxAttribute a in node.Attributes)
                {
                    if (a.Tensor != null) yield return a.Tensor;
                }
            }
        }
    }
}
