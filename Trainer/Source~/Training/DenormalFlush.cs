using System;
using System.Runtime.InteropServices;

namespace VaeProcgen.Trainer.Training
{
    /// <summary>
    /// Turns on flush-to-zero / denormals-are-zero for libtorch's CPU kernels (what PyTorch's
    /// <c>torch.set_flush_denormal(True)</c> does; TorchSharp 0.107 does not expose it). Softmax likelihoods (palette
    /// sprites, tiles) drive most class probabilities towards zero, and their gradients then fall into the denormal
    /// range, where x86 arithmetic is tens of times slower. Call on the training thread before the first parallel
    /// libtorch operation: OpenMP worker threads inherit the floating-point mode of the thread that creates them.
    /// </summary>
    internal static class DenormalFlush
    {
        private const string Library = "libtorch_cpu";

        /// <summary>Asks libtorch to flush denormals; returns false where it cannot (not x86, or the symbol is missing).</summary>
        public static bool TryEnable()
        {
            try
            {
                return SetFlushDenormal(GlobalContext(), true);
            }
            catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
            {
                return false;
            }
        }

        // at::globalContext() and the (non-virtual, state-free) member at::Context::setFlushDenormal(bool), Itanium C++ ABI names.
        [DllImport(Library, EntryPoint = "_ZN2at13globalContextEv")]
        private static extern IntPtr GlobalContext();

        [DllImport(Library, EntryPoint = "_ZN2at7Context16setFlushDenormalEb")]
        [return: MarshalAs(UnmanagedType.U1)]
        private static extern bool SetFlushDenormal(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool on);
    }
}
