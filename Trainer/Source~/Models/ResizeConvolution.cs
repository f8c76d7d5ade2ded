using static TorchSharp.torch;

namespace VaeProcgen.Trainer.Models
{
    /// <summary>
    /// Nearest-neighbour 2x upsampling followed by a 3x3 convolution with padding 1 is a 4x4 stride-2 transposed
    /// convolution with padding 1 whose kernel is tied: along each axis, output phase 0 reads input i - 1 with w[0] and
    /// input i with w[1] + w[2], phase 1 reads input i with w[0] + w[1] and input i + 1 with w[2]. Transposed kernel
    /// taps k = 0..3 are therefore w[2], w[1] + w[2], w[0] + w[1] and w[0].
    /// </summary>
    internal static class ResizeConvolution
    {
        private static readonly float[,] TapSums = { { 0, 0, 1 }, { 0, 1, 1 }, { 1, 1, 0 }, { 1, 0, 0 } };

        /// <summary>
        /// The transposed-convolution kernel [in, out, 4, 4] equal to upsampling then convolving with a 3x3 convolution
        /// kernel [out, in, 3, 3] (differentiable; the caller owns the result).
        /// </summary>
        public static Tensor TransposedKernel(Tensor convolutionKernel)
        {
            using var scope = NewDisposeScope();
            Tensor taps = tensor(TapSums, dtype: convolutionKernel.dtype, device: convolutionKernel.device);
            Tensor perInput = convolutionKernel.transpose(0, 1);
            return matmul(matmul(taps, perInput), taps.t()).MoveToOuterDisposeScope();
        }
    }
}
