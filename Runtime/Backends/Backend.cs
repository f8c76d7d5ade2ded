namespace VaeProcgen.Backends
{
    /// <summary>Which inference engine runs the ONNX graphs.</summary>
    public enum Backend
    {
        /// <summary>ONNX Runtime when the VaeProcgen.Runtime.OnnxRuntime assembly is in the application and the native library loads, otherwise the managed backend.</summary>
        Auto,
        /// <summary>Native ONNX Runtime (fastest; needs the VaeProcgen.Runtime.OnnxRuntime assembly and the native library for the platform).</summary>
        OnnxRuntime,
        /// <summary>Pure managed C# (the project's own kernels on System.Numerics SIMD); runs everywhere, including WebGL and consoles.</summary>
        Managed,
    }
}
