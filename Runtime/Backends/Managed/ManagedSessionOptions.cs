using System;

namespace VaeProcgen.Backends.Managed
{
    /// <summary>Options of the pure managed ONNX executor.</summary>
    public sealed class ManagedSessionOptions
    {
        /// <summary>
        /// Maximum number of threads one run uses, including the calling thread (default: the processor count).
        /// With 1 the session starts no worker threads and runs entirely on the caller's thread. Results are
        /// bitwise identical for every value: work is partitioned by output element, never by summation order.
        /// </summary>
        public int MaxThreads { get; set; } = Environment.ProcessorCount;
    }
}
