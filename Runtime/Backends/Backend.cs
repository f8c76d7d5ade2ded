namespace VaeProcgen.Backends
{
    /// <summary>Which inference engine runs the ONNX graphs.</summary>
    public enum Backend
    {
        /// <summary>ONNX Runtime when the VaeProcgen.Runtime.OnnxRuntime assembly is in the application and the native library loads, otherwise the managed backend.</summary>
        Auto,
        /// <summary>Native ONNX Runtime (fastest; needs the VaeProcgen.Runtime.OnnxRuntime assembly and the native library for the platform).</summary>
        OnnxRuntime,
        /// <summary>
        /// Pure managed C#; runs everywhere, including WebGL, consoles and browser WebAssembly. Its kernels are the
        /// project's own: <see cref="System.Numerics.Vector{T}"/> GEMM and convolution loops where the runtime
        /// accelerates vectors, register-blocked scalar loops where it does not (Mono/IL2CPP players), and a
        /// single-threaded mode where the platform has no threads. MathNet.Numerics is not used here: its managed
        /// provider multiplied the decoder's matrices 2-8x slower than the scalar kernels without hardware SIMD and
        /// 10-15x slower than the vector kernels with it (Documentation~/BENCHMARKS.md); the runtime uses MathNet only
        /// for the symmetric eigendecomposition of <see cref="Authoring.LatentPca"/>.
        /// </summary>
        Managed,
    }
}
