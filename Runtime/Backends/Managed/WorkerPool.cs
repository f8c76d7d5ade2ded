using System;
using System.Threading;

namespace VaeProcgen.Backends.Managed
{
    /// <summary>
    /// Pre-started worker threads that share loops with the calling thread without allocating per dispatch.
    /// Items are split into contiguous chunks claimed with Interlocked; since every item computes its own
    /// outputs with a fixed arithmetic order, results do not depend on which thread runs which chunk.
    /// Used by one session at a time (the session is not thread-safe). Where the platform has no threads
    /// (<see cref="ThreadSupport.Available"/> false) or starting one fails, it starts none and runs every loop on
    /// the calling thread.
    /// </summary>
    internal sealed class WorkerPool : IDisposable
    {
        private readonly Thread[] _workers;
        private readonly SemaphoreSlim _start = new SemaphoreSlim(0);
        private readonly ManualResetEventSlim _done = new ManualResetEventSlim(false);
        private IParallelWork? _work;
        private int _items;
        private int _chunks;
        private int _nextChunk;
        private int _pendingWorkers;
        private volatile bool _disposed;
        private Exception? _failure;

        public WorkerPool(int maxThreads) : this(maxThreads, ThreadSupport.Available)
        {
        }

        /// <summary>Starts <paramref name="maxThreads"/> - 1 workers, or none when <paramref name="threadsAvailable"/> is false.</summary>
        internal WorkerPool(int maxThreads, bool threadsAvailable)
        {
            int wanted = threadsAvailable ? Math.Max(1, maxThreads) : 1;
            var started = new Thread[wanted - 1];
            int count = 0;
            try
            {
                for (; count < started.Length; count++)
                {
                    var worker = new Thread(WorkerLoop) { IsBackground = true, Name = "VaeProcgen managed worker " + count };
                    worker.Start();
                    started[count] = worker;
                }
            }
            catch (Exception e) when (e is NotSupportedException || e is PlatformNotSupportedException)
            {
                // A platform without threads: keep the workers that did start (none, in practice) and run the rest inline.
            }
            _workers = count == started.Length ? started : started.AsSpan(0, count).ToArray();
            ThreadCount = _workers.Length + 1;
        }

        /// <summary>Threads a loop runs on, including the caller: 1 means no worker thread exists.</summary>
        public int ThreadCount { get; }

        /// <summary>Runs <paramref name="work"/> over [0, items); single-threaded when small or when only one thread is allowed.</summary>
        public void For(IParallelWork work, int items, bool worthSplitting = true)
        {
            if (items <= 0) return;
            if (_workers.Length == 0 || items == 1 || !worthSplitting)
            {
                work.Execute(0, items);
                return;
            }
            _work = work;
            _items = items;
            _chunks = Math.Min(items, ThreadCount * 4);
            _nextChunk = -1;
            _failure = null;
            _pendingWorkers = _workers.Length;
            _done.Reset();
            _start.Release(_workers.Length);
            RunChunks();
            _done.Wait();
            _work = null;
            if (_failure != null) throw new InvalidOperationException("A managed backend worker failed.", _failure);
        }

        private void RunChunks()
        {
            IParallelWork work = _work!;
            int chunks = _chunks;
            int items = _items;
            while (true)
            {
                int c = Interlocked.Increment(ref _nextChunk);
                if (c >= chunks) return;
                int begin = (int)((long)items * c / chunks);
                int end = (int)((long)items * (c + 1) / chunks);
                work.Execute(begin, end);
            }
        }

        private void WorkerLoop()
        {
            while (true)
            {
                _start.Wait();
                if (_disposed) return;
                try
                {
                    RunChunks();
                }
                catch (Exception e)
                {
                    _failure = e;
                }
                if (Interlocked.Decrement(ref _pendingWorkers) == 0) _done.Set();
            }
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            if (_workers.Length > 0) _start.Release(_workers.Length);
            foreach (Thread t in _workers) t.Join();
            _start.Dispose();
            _done.Dispose();
        }
    }
}
