namespace VaeProcgen.Backends
{
    /// <summary>Which inference engine runs the ONNX graphs.</summary>
    public enum Backend
    {
        /// <summary>ONNX Runtime when its native library loads, otherwise the managed backend.</summary>
        Auto,
        /// <summary>Native ONNX Runtime (fastest; needs the native library for the platform).</summary>
        OnnxRuntime,
        /// <summary>Pure managed C# (MathNet.Numerics + SIMD); runs everywhere, including WebGL and consoles.</summary>
        Managed,
    }
}
