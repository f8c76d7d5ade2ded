using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VaeProcgen.Trainer.Models
{
    /// <summary>
    /// The operations the VAE's networks are written in, so <see cref="ConvVae"/> describes each network once and runs it
    /// either on tensors (training, <see cref="TorchLayerOps"/>) or as ONNX nodes (export). <typeparamref name="T"/> is a
    /// value: a tensor, or the name of an ONNX value. Layer names identify a layer's weights in the exported file.
    /// </summary>
    internal interface ILayerOps<T>
    {
        /// <summary>Fully connected layer on [N, in].</summary>
        T Dense(T x, Linear layer, string name);
        /// <summary>Stride-1 convolution with an odd square kernel and "same" zero padding.</summary>
        T Conv(T x, Conv2d layer, string name);
        /// <summary>4x4 stride-2 convolution with padding 1, plus extra zero rows/columns at the bottom/right.</summary>
        T DownConv(T x, Conv2d layer, string name, long extraBottom, long extraRight);
        /// <summary>4x4 stride-2 transposed convolution with padding 1 (doubles height and width); kernel [in, out, 4, 4].</summary>
        T UpConv(T x, Tensor kernel, Tensor bias, string name);
        T Relu(T x);
        T LeakyRelu(T x, double slope);
        T Tanh(T x);
        T Exp(T x);
        T Scale(T x, float factor, string name);
        T Add(T a, T b);
        T Multiply(T a, T b);
        /// <summary>[N, ...] to [N, rest].</summary>
        T Flatten(T x);
        /// <summary>Concatenation along axis 1.</summary>
        T Concat(T a, T b);
        /// <summary>Values start .. start + length - 1 along axis 1.</summary>
        T Narrow(T x, long start, long length, string name);
        /// <summary>[N, ...] to [N, channels, height, width].</summary>
        T Reshape(T x, long channels, long height, long width, string name);
        /// <summary>The top-left height x width of [N, C, H, W].</summary>
        T Crop(T x, long height, long width);
    }
}
