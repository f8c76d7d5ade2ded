using System.Runtime.InteropServices;

namespace VaeProcgen.Backends.Managed
{
    /// <summary>
    /// Whether this platform can start threads. Browser WebAssembly (.NET's browser-wasm and Unity WebGL, both
    /// single-threaded) cannot; there the managed backend runs every graph on the caller's thread and starts none.
    /// </summary>
    internal static class ThreadSupport
    {
        /// <summary>
        /// <see cref="System.Runtime.InteropServices.Architecture"/>.Wasm, which .NET Standard 2.1's enum does not name.
        /// </summary>
        private const int WasmArchitecture = 4;

        /// <summary>False in the browser and on WebAssembly; true elsewhere.</summary>
        public static bool Available { get; } = !RuntimeInformation.IsOSPlatform(OSPlatform.Create("BROWSER"))
            && (int)RuntimeInformation.ProcessArchitecture != WasmArchitecture
            && (int)RuntimeInformation.OSArchitecture != WasmArchitecture;

        /// <summary>The default thread budget of one run: all logical processors where threads exist, otherwise 1.</summary>
        public static int DefaultMaxThreads => Available ? System.Environment.ProcessorCount : 1;
    }
}
