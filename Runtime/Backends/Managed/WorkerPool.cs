using System;
using System.Threading;

namespace VaeProcgen.Backends.Managed
{
    /// <summary>
    /// Pre-started worker threads that share loops with the calling thread without allocating per dispatch.
    /// Items are split into contiguous chunks claimed with Interlocked; since every item computes its own
    /// outputs with a fixed arithmetic order, results do not depend on which thread runs which chunk.
    /// One pool serves every managed session of the process (<see cref="Shared"/>, reached through
    /// <see cref="ParallelLoops"/>). Loops from concurrent callers never wait for each other: one loop at a time owns the
    /// workers, and a loop that starts while they are busy runs on its caller's thread alone (same results, since the
    /// partition never changes the arithmetic). Where the platform has no threads (<see cref="ThreadSupport.Available"/>
    /// false) or starting one fails, it starts none and runs every loop on the calling thread.
    /// </summary>
    internal sealed class WorkerPool : IDisposable
    {
        /// <summary>
        /// How long an idle worker polls for the next loop before it blocks. Layers of one decode follow each other within
        /// microseconds, and waking a blocked thread costs tens of microseconds (more in a VM), so spinning across that gap
        /// saves a wake-up per layer; between decodes the worker blocks and costs nothing.
        /// </summary>
        private static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 5000; // 200 µs

        /// <summary>
        /// Chunks per participating thread. Small chunks keep the threads finishing together (a thread that joins late or
        /// is preempted leaves at most one small chunk for the others to wait on); claiming one costs a single CAS.
        /// </summary>
        private const int ChunksPerThread = 16;

        private static readonly object SharedGate = new object();
        private static WorkerPool? _shared;

        private readonly Thread[] _workers;
        private readonly object _gate = new object();
        private readonly object _dispatch = new object();
        private int _allowedWorkers;
        private int _joined;
        private IParallelWork? _work;
        private int _items;
        private int _chunks;
        private int _generation;
        private long _ticket; // (generation << 32) | next chunk: a chunk is claimed only for the generation it belongs to
        private int _completed;
        private int _sleeping;
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

        /// <summary>
        /// The process-wide pool every managed session shares: <see cref="ThreadSupport.DefaultMaxThreads"/> threads
        /// including the caller, started on first use and never stopped (idle workers block and cost nothing).
        /// </summary>
        public static WorkerPool Shared
        {
            get
            {
                lock (SharedGate) return _shared ??= new WorkerPool(ThreadSupport.DefaultMaxThreads);
            }
        }

        /// <summary>Threads a loop runs on, including the caller: 1 means no worker thread exists.</summary>
        public int ThreadCount { get; }

        /// <summary>Runs <paramref name="work"/> over [0, items) on every thread of the pool (see the overload).</summary>
        public void For(IParallelWork work, int items, bool worthSplitting = true) => For(work, items, worthSplitting, ThreadCount);

        /// <summary>
        /// Runs <paramref name="work"/> over [0, items) on at most <paramref name="maxThreads"/> threads including the
        /// caller; on the caller alone when the loop is small, when one thread is allowed, or when another caller's loop
        /// holds the workers at this moment.
        /// </summary>
        public void For(IParallelWork work, int items, bool worthSplitting, int maxThreads)
        {
            if (items <= 0) return;
            int threads = Math.Min(maxThreads, ThreadCount);
            if (threads <= 1 || items == 1 || !worthSplitting || !Monitor.TryEnter(_dispatch))
            {
                work.Execute(0, items);
                return;
            }
            try
            {
                Dispatch(work, items, threads);
            }
            finally
            {
                Monitor.Exit(_dispatch);
            }
        }

        private void Dispatch(IParallelWork work, int items, int threads)
        {
            int generation = _generation + 1;
            // Retire the previous generation's ticket first, so that a late worker can no longer claim anything while
            // the fields below change; then publish the loop and wake the workers.
            Interlocked.Exchange(ref _ticket, (long)generation << 32);
            _work = work;
            _items = items;
            _chunks = Math.Min(items, threads * ChunksPerThread);
            _allowedWorkers = threads - 1;
            _joined = 0;
            _completed = 0;
            _failure = null;
            lock (_gate)
            {
                Interlocked.Exchange(ref _generation, generation);
                if (_sleeping > 0) Monitor.PulseAll(_gate);
            }
            RunChunks(generation);
            int spins = 0;
            while (Volatile.Read(ref _completed) < _chunks)
            {
                if (++spins < 64) Thread.SpinWait(16);
                else Thread.Yield();
            }
            _work = null;
            if (_failure != null) throw new InvalidOperationException("A managed backend worker failed.", _failure);
        }

        /// <summary>Claims and runs chunks of loop <paramref name="generation"/> until none is left (or a newer loop started).</summary>
        private void RunChunks(int generation)
        {
            IParallelWork? work = _work;
            int chunks = _chunks, items = _items;
            while (true)
            {
                long ticket = Volatile.Read(ref _ticket);
                int c = (int)(ticket & 0xFFFFFFFF);
                if ((int)(ticket >> 32) != generation || c >= chunks || work == null) return;
                if (Interlocked.CompareExchange(ref _ticket, ticket + 1, ticket) != ticket) continue;
                try
                {
                    work.Execute((int)((long)items * c / chunks), (int)((long)items * (c + 1) / chunks));
                }
                catch (Exception e)
                {
                    _failure = e;
                }
                Interlocked.Increment(ref _completed);
            }
        }

        private void WorkerLoop()
        {
            int seen = 0;
            while (true)
            {
                long spinStart = System.Diagnostics.Stopwatch.GetTimestamp();
                int spins = 0;
                while (Volatile.Read(ref _generation) == seen && !_disposed)
                {
                    if ((++spins & 63) != 0 || System.Diagnostics.Stopwatch.GetTimestamp() - spinStart < SpinTicks)
                    {
                        Thread.SpinWait(8);
                        continue;
                    }
                    lock (_gate)
                    {
                        _sleeping++;
                        while (Volatile.Read(ref _generation) == seen && !_disposed) Monitor.Wait(_gate);
                        _sleeping--;
                    }
                }
                if (_disposed) return;
                seen = Volatile.Read(ref _generation);
                // A loop limited to fewer threads than the pool has takes only that many workers.
                if (Interlocked.Increment(ref _joined) <= Volatile.Read(ref _allowedWorkers)) RunChunks(seen);
            }
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            lock (_gate) Monitor.PulseAll(_gate);
            foreach (Thread t in _workers) t.Join();
        }
    }
}
