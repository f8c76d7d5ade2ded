using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VaeProcgen.Trainer.Models
{
    /// <summary>
    /// <see cref="ILayerOps{T}"/> on TorchSharp tensors (differentiable). Same-padded convolutions run as a
    /// <see cref="TapConvolution"/> (libtorch's own kernel returns NaN gradients for few output channels on some CPUs).
    /// </summary>
    internal sealed class TorchLayerOps : ILayerOps<Tensor>
    {
        public static TorchLayerOps Instance { get; } = new TorchLayerOps();

        public Tensor Dense(Tensor x, Linear layer, string name) => layer.call(x);
        public Tensor Conv(Tensor x, Conv2d layer, string name) => TapConvolution.Forward(x, layer.weight!, layer.bias);

        public Tensor DownConv(Tensor x, Conv2d layer, string name, long extraBottom, long extraRight)
        {
            Tensor padded = extraBottom > 0 || extraRight > 0 ? nn.functional.pad(x, new[] { 0, extraRight, 0, extraBottom }) : x;
            return layer.call(padded);
        }

        public Tensor UpConv(Tensor x, Tensor kernel, Tensor bias, string name) => nn.functional.conv_transpose2d(x, kernel, bias, strides: new long[] { 2, 2 }, padding: new long[] { 1, 1 });
        public Tensor Relu(Tensor x) => nn.functional.relu(x);
        public Tensor LeakyRelu(Tensor x, double slope) => nn.functional.leaky_relu(x, slope);
        public Tensor Tanh(Tensor x) => x.tanh();
        public Tensor Exp(Tensor x) => x.exp();
        public Tensor Scale(Tensor x, float factor, string name) => x * factor;
        public Tensor Add(Tensor a, Tensor b) => a + b;
        public Tensor Multiply(Tensor a, Tensor b) => a * b;
        public Tensor Flatten(Tensor x) => x.flatten(1);
        public Tensor Concat(Tensor a, Tensor b) => cat(new[] { a, b }, 1);
        public Tensor Narrow(Tensor x, long start, long length, string name) => x.narrow(1, start, length);
        public Tensor Reshape(Tensor x, long channels, long height, long width, string name) => x.reshape(-1, channels, height, width);
        public Tensor Crop(Tensor x, long height, long width) => x.narrow(2, 0, height).narrow(3, 0, width);
    }
}
