using System;
using static TorchSharp.torch;

namespace VaeProcgen.Trainer.Models
{
    /// <summary>
    /// A stride-1, "same"-padded 2-D convolution computed as one batched matrix product followed by shifted sums:
    /// every kernel tap (dy, dx) multiplies the input channels by its [out, in] weight slice, and the tap's
    /// product map, shifted by (dy, dx), is added into the output. Mathematically the same layer as
    /// <c>conv2d(x, w, b, padding: k / 2)</c>; the weights stay in the usual [out, in, k, k] layout.
    /// </summary>
    /// <remarks>
    /// Exists because libtorch's oneDNN convolution backward pass returns NaN input gradients for 3x3 convolutions
    /// with few output channels on some CPUs (see docs/NAN-ON-AVX512.md); this formulation uses only matrix
    /// products, padding and slicing, whose backward passes write every value they produce.
    /// </remarks>
    internal static class TapConvolution
    {
        /// <summary>Output [N, out, H, W] for input [N, in, H, W], weight [out, in, k, k] (k odd) and bias [out].</summary>
        public static Tensor Forward(Tensor input, Tensor weight, Tensor? bias)
        {
            long outChannels = weight.shape[0], inChannels = weight.shape[1], kernel = weight.shape[2];
            if (weight.shape[3] != kernel || kernel % 2 == 0)
            {
                throw new ArgumentException("The tap convolution needs a square kernel of odd size.", nameof(weight));
            }
            long n = input.shape[0], height = input.shape[2], width = input.shape[3];
            long taps = kernel * kernel;
            long pad = kernel / 2;
            using var scope = NewDisposeScope();
            Tensor tapWeights = weight.permute(2, 3, 0, 1).reshape(taps * outChannels, inChannels);
            Tensor products = matmul(tapWeights, input.reshape(n, inChannels, height * width));
            Tensor padded = nn.functional.pad(products.view(n, taps * outChannels, height, width), new[] { pad, pad, pad, pad })
                .view(n, taps, outChannels, height + 2 * pad, width + 2 * pad);
            Tensor? output = null;
            for (long dy = 0; dy < kernel; dy++)
            {
                for (long dx = 0; dx < kernel; dx++)
                {
                    Tensor shifted = padded.select(1, dy * kernel + dx).narrow(2, dy, height).narrow(3, dx, width);
                    output = output is null ? shifted : output + shifted;
                }
            }
            if (bias is not null)
            {
                output = output! + bias.view(1, outChannels, 1, 1);
            }
            return output!.MoveToOuterDisposeScope();
        }
    }
}
