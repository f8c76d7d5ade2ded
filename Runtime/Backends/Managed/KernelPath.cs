using System.Numerics;

namespace VaeProcgen.Backends.Managed
{
    /// <summary>
    /// Chooses between the <see cref="Vector{T}"/> kernels and the register-blocked scalar kernels. Runtimes that
    /// emulate <see cref="Vector{T}"/> in software (<see cref="Vector.IsHardwareAccelerated"/> false: Mono and IL2CPP
    /// players, CoreCLR with DOTNET_EnableHWIntrinsic=0) run each vector operation as a loop of calls, which is
    /// about 100x slower than plain float arithmetic, so they take the scalar path. Both paths add the same products
    /// in the same order with separately rounded multiply and add, so they give bitwise identical results and the
    /// choice can change at any time without affecting results.
    /// </summary>
    internal static class KernelPath
    {
        /// <summary>Test switch: true runs the scalar kernels even where vectors are hardware-accelerated.</summary>
        internal static bool ForceScalar { get; set; }

        /// <summary>True when the vector kernels run.</summary>
        public static bool Vectorized => Vector.IsHardwareAccelerated && !ForceScalar;
    }
}
