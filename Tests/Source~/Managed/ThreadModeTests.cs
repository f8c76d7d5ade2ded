using System;
using System.Collections.Concurrent;
using System.Threading;
using NUnit.Framework;
using VaeProcgen.Backends.Managed;

namespace VaeProcgen.Tests.Managed
{
    /// <summary>Single-threaded mode of the managed backend: no worker thread where threads do not exist or are not wanted.</summary>
    [TestFixture]
    public sealed class ThreadModeTests
    {
        private sealed class RecordThreads : IParallelWork
        {
            public ConcurrentDictionary<int, bool> Seen { get; } = new ConcurrentDictionary<int, bool>();

            public void Execute(int begin, int end)
            {
                Seen[Environment.CurrentManagedThreadId] = true;
                Thread.Sleep(2 * (end - begin));
            }
        }

        private static RecordThreads Run(WorkerPool pool)
        {
            var work = new RecordThreads();
            pool.For(work, 40);
            return work;
        }

        [Test]
        public void WithoutPlatformThreads_NoWorkerStartsAndEverythingRunsOnTheCaller()
        {
            using var pool = new WorkerPool(4, threadsAvailable: false);
            Assert.That(pool.ThreadCount, Is.EqualTo(1));
            Assert.That(Run(pool).Seen.Keys, Is.EqualTo(new[] { Environment.CurrentManagedThreadId }));
        }

        [Test]
        public void MaxThreadsOne_RunsOnTheCallerOnly()
        {
            using var pool = new WorkerPool(1);
            Assert.That(pool.ThreadCount, Is.EqualTo(1));
            Assert.That(Run(pool).Seen.Keys, Is.EqualTo(new[] { Environment.CurrentManagedThreadId }));
        }

        [Test]
        public void WithThreads_WorkersShareTheLoop()
        {
            using var pool = new WorkerPool(3, threadsAvailable: true);
            Assert.That(pool.ThreadCount, Is.EqualTo(3));
            Assert.That(Run(pool).Seen.Count, Is.GreaterThan(1), "40 items of 2 ms each should reach a worker");
        }

        [Test]
        public void OnCoreClr_ThreadsAreAvailableAndTheDefaultUsesEveryProcessor()
        {
            Assert.That(ThreadSupport.Available, Is.True);
            Assert.That(new ManagedSessionOptions().MaxThreads, Is.EqualTo(Environment.ProcessorCount));
        }

        [Test]
        public void SingleThreadedSession_DecodesLikeTheThreadedOne()
        {
            var model = DecoderModels.Decoder();
            float[] z = ModelBuilder.Random(64, 3 * 32, 2f);
            float[] single = ModelBuilder.RunManaged(model, 3, new ManagedSessionOptions { MaxThreads = 1 }, new[] { z })[0];
            float[] threaded = ModelBuilder.RunManaged(model, 3, new ManagedSessionOptions { MaxThreads = 3 }, new[] { z })[0];
            Assert.That(single, Is.EqualTo(threaded));
        }
    }
}
