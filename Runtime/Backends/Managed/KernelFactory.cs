using System;
using System.Collections.Generic;
using VaeProcgen.Backends.Managed.Kernels;
using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed
{
    /// <summary>Maps ONNX operator types to kernels; anything else is rejected when the session is built.</summary>
    internal static class KernelFactory
    {
        /// <summary>Operator types of the default ONNX domain the managed backend executes.</summary>
        public static readonly IReadOnlyList<string> SupportedOps = new[]
        {
            "Add", "BatchNormalization", "Cast", "Concat", "Constant", "Conv", "ConvTranspose", "Div", "Elu", "Exp",
            "Flatten", "Gather", "Gemm", "Identity", "LeakyRelu", "MatMul", "Mul", "Relu", "Reshape", "Shape",
            "Sigmoid", "Slice", "Softmax", "Squeeze", "Sub", "Tanh", "Transpose", "Unsqueeze",
        };

        public static OpKernel Create(OnnxNode node, long opset, IReadOnlyDictionary<string, OnnxTensor> constants, ISet<string> constantNames)
        {
            bool defaultDomain = node.Domain.Length == 0 || node.Domain == "ai.onnx";
            if (!defaultDomain || Array.IndexOf((string[])SupportedOps, node.OpType) < 0)
            {
                string op = defaultDomain ? node.OpType : node.Domain + "." + node.OpType;
                throw new VaeModelException(
                    $"ONNX node '{node.Name}' uses operator '{op}', which the managed backend does not support (supported: {string.Join(", ", SupportedOps)}); use the OnnxRuntime backend or re-export the model with supported operators.");
            }
            switch (node.OpType)
            {
                case "Relu": case "LeakyRelu": case "Elu": case "Sigmoid": case "Tanh": case "Exp":
                    return new UnaryKernel(node);
                case "Add": case "Sub": case "Mul": case "Div":
                    return new BinaryKernel(node);
                case "Reshape": case "Flatten": case "Identity": case "Squeeze": case "Unsqueeze":
                    return new ViewKernel(node);
                case "Constant": return new ConstantKernel(node);
                case "Shape": return new ShapeKernel(node);
                case "Gather": return new GatherKernel(node);
                case "Transpose": return new TransposeKernel(node);
                case "Slice": return new SliceKernel(node);
                case "Concat": return new ConcatKernel(node);
                case "Cast": return new CastKernel(node);
                case "Gemm": return new GemmKernel(node, constantNames);
                case "MatMul": return new MatMulKernel(node, constantNames);
                case "Conv": return new ConvKernel(node, Find(constants, node, 1));
                case "ConvTranspose": return new ConvTransposeKernel(node, Find(constants, node, 1));
                case "Softmax": return new SoftmaxKernel(node, opset);
                default: return new BatchNormKernel(node);
            }
        }

        private static OnnxTensor? Find(IReadOnlyDictionary<string, OnnxTensor> constants, OnnxNode node, int input) =>
            node.Inputs.Count > input && constants.TryGetValue(node.Inputs[input], out OnnxTensor? t) ? t : null;
    }
}
