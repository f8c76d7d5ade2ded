namespace VaeProcgen.Backends.Managed
{
    /// <summary>Options of the pure managed ONNX executor.</summary>
    internal sealed class ManagedSessionOptions
    {
        /// <summary>
        /// Maximum number of threads one run uses, including the calling thread. Default: the processor count, or 1
        /// where the platform has no threads (browser WebAssembly, Unity WebGL). Threads come from the one worker pool
        /// all sessions of the process share (<see cref="WorkerPool.Shared"/>, processor count - 1 workers), so larger
        /// values use at most the processor count. With 1 (single-threaded mode) the session starts no thread, never
        /// touches the shared pool and runs entirely on the caller's thread; on a platform without threads that is the
        /// mode whatever the value. Results are bitwise identical for every value: work is partitioned
        /// by output element, never by summation order.
        /// </summary>
        public int MaxThreads { get; set; } = ThreadSupport.DefaultMaxThreads;
    }
}
