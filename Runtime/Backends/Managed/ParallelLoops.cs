namespace VaeProcgen.Backends.Managed
{
    /// <summary>
    /// A session's share of the process-wide <see cref="WorkerPool.Shared"/>: its loops run on at most
    /// <see cref="ThreadCount"/> threads including the caller. With one thread (single-threaded mode, or a platform
    /// without threads) it never touches the shared pool, so no thread is ever started for it.
    /// </summary>
    internal sealed class ParallelLoops
    {
        private readonly WorkerPool? _pool;

        private ParallelLoops(WorkerPool? pool, int threads)
        {
            _pool = pool;
            ThreadCount = threads;
        }

        /// <summary>Loops on the caller's thread only; starts no thread.</summary>
        public static ParallelLoops SingleThreaded { get; } = new ParallelLoops(null, 1);

        /// <summary>Threads one loop may use, including the caller.</summary>
        public int ThreadCount { get; }

        /// <summary>The pool the loops run on, or null in single-threaded mode.</summary>
        internal WorkerPool? Pool => _pool;

        /// <summary>Loops on at most <paramref name="maxThreads"/> threads of the shared pool (single-threaded when 1 or when the platform has no threads).</summary>
        public static ParallelLoops WithThreads(int maxThreads)
        {
            if (maxThreads <= 1 || !ThreadSupport.Available) return SingleThreaded;
            WorkerPool shared = WorkerPool.Shared;
            return shared.ThreadCount <= 1 ? SingleThreaded : new ParallelLoops(shared, System.Math.Min(maxThreads, shared.ThreadCount));
        }

        /// <summary>Runs <paramref name="work"/> over [0, items) (see <see cref="WorkerPool.For(IParallelWork, int, bool, int)"/>).</summary>
        public void For(IParallelWork work, int items, bool worthSplitting = true)
        {
            if (_pool == null)
            {
                if (items > 0) work.Execute(0, items);
                return;
            }
            _pool.For(work, items, worthSplitting, ThreadCount);
        }
    }
}
