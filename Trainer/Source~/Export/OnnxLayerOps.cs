using TorchSharp.Modules;
using static TorchSharp.torch;
using VaeProcgen.Onnx;
using VaeProcgen.Trainer.Models;

namespace VaeProcgen.Trainer.Export
{
    /// <summary><see cref="ILayerOps{T}"/> that appends ONNX nodes (opset 13) to a graph; values are ONNX value names.</summary>
    internal sealed class OnnxLayerOps : ILayerOps<string>
    {
        private readonly OnnxGraphBuilder g;

        public OnnxLayerOps(OnnxGraphBuilder graph)
        {
            g = graph;
        }

        public string Dense(string x, Linear layer, string name) =>
            g.Node("Gemm", new[] { x, g.Weight(name + ".weight", layer.weight!), g.Weight(name + ".bias", layer.bias!) }, null, OnnxAttribute.Of("transB", 1L));

        public string Conv(string x, Conv2d layer, string name)
        {
            long k = layer.weight!.shape[2], pad = k / 2;
            return g.Node("Conv", new[] { x, g.Weight(name + ".weight", layer.weight!), g.Weight(name + ".bias", layer.bias!) }, null,
                OnnxAttribute.Of("kernel_shape", k, k), OnnxAttribute.Of("pads", pad, pad, pad, pad));
        }

        public string DownConv(string x, Conv2d layer, string name, long extraBottom, long extraRight) =>
            g.Node("Conv", new[] { x, g.Weight(name + ".weight", layer.weight!), g.Weight(name + ".bias", layer.bias!) }, null,
                OnnxAttribute.Of("kernel_shape", 4L, 4L), OnnxAttribute.Of("strides", 2L, 2L), OnnxAttribute.Of("pads", 1L, 1L, 1 + extraBottom, 1 + extraRight));

        public string UpConv(string x, Tensor kernel, Tensor bias, string name) =>
            g.Node("ConvTranspose", new[] { x, g.Weight(name + ".weight", kernel), g.Weight(name + ".bias", bias) }, null,
                OnnxAttribute.Of("kernel_shape", 4L, 4L), OnnxAttribute.Of("strides", 2L, 2L), OnnxAttribute.Of("pads", 1L, 1L, 1L, 1L));

        public string Relu(string x) => g.Node("Relu", x);
        public string LeakyRelu(string x, double slope) => g.Node("LeakyRelu", x, null, OnnxAttribute.Of("alpha", (float)slope));
        public string Tanh(string x) => g.Node("Tanh", x);
        public string Exp(string x) => g.Node("Exp", x);
        public string Scale(string x, float factor, string name) => g.Node("Mul", new[] { x, g.FloatConstant(name, factor) });
        public string Add(string a, string b) => g.Node("Add", new[] { a, b });
        public string Multiply(string a, string b) => g.Node("Mul", new[] { a, b });
        public string Flatten(string x) => g.Node("Flatten", x, null, OnnxAttribute.Of("axis", 1L));
        public string Concat(string a, string b) => g.Node("Concat", new[] { a, b }, null, OnnxAttribute.Of("axis", 1L));

        public string Narrow(string x, long start, long length, string name) =>
            g.Node("Slice", new[] { x, g.Int64Constant(name + "_starts", start), g.Int64Constant(name + "_ends", start + length), g.Int64Constant(name + "_axes", 1) });

        public string Reshape(string x, long channels, long height, long width, string name) =>
            g.Node("Reshape", new[] { x, g.Int64Constant(name, -1, channels, height, width) });

        public string Crop(string x, long height, long width) =>
            g.Node("Slice", new[] { x, g.Int64Constant("crop_starts", 0, 0), g.Int64Constant("crop_ends", height, width), g.Int64Constant("crop_axes", 2, 3) });
    }
}
