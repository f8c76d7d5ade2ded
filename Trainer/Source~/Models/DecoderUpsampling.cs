namespace VaeProcgen.Trainer.Models
{
    /// <summary>How each of the decoder's three stages doubles the height and width of its features.</summary>
    public enum DecoderUpsampling
    {
        /// <summary>A free 4x4 stride-2 transposed convolution (the 0.1 models; can draw a 2-pixel checkerboard).</summary>
        Transposed,
        /// <summary>
        /// Nearest-neighbour doubling followed by a 3x3 convolution, computed as the one 4x4 stride-2 transposed convolution
        /// it equals (<see cref="ResizeConvolution"/>), so the exported graph and both runtime backends are unchanged. A
        /// constant input gives a constant output, so the decoder cannot draw a checkerboard.
        /// </summary>
        Resize,
    }
}
