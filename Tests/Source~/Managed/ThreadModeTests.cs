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
    
        private sealed class CountItems : IParallelWork
        {
            public int[] Hits { get; set; } = Array.Empty<int>();

            public void Execute(int begin, int end)
            {
                for (int i = begin; i < end; i++) Interlocked.Increment(ref Hits[i]);
            }
        }

        [Test]
        public void BackToBackAndAfterIdleLoops_RunEveryItemExactlyOnce()
        {
            using var pool = new WorkerPool(2, threadsAvailable: true);
            var work = new CountItems();
            for (int round = 0; round < 300; round++)
            {
                // Mostly back to back (workers still polling), sometimes after a pause long enough for them to block.
                if (round % 100 == 99) Thread.Sleep(5);
                int items = 1 + round % 37;
                work.Hits = new int[items];
                pool.For(work, items);
                Assert.That(work.Hits, Is.All.EqualTo(1), $"round {round}");
            }
        }

        private sealed class FailOnItem : IParallelWork
        {
            public void Execute(int begin, int end)
            {
                if (begin <= 5 && 5 < end) throw new IndexOutOfRangeException("item 5");
            }
        }

        [Test]
        public void AFailingItem_SurfacesOnTheCallerAndThePoolStaysUsable()
        {
            using var pool = new WorkerPool(2, threadsAvailable: true);
            var e = Assert.Throws<InvalidOperationException>(() => pool.For(new FailOnItem(), 16));
            Assert.That(e!.InnerException, Is.TypeOf<IndexOutOfRangeException>());
            var work = new CountItems { Hits = new int[16] };
            pool.For(work, 16);
            Assert.That(work.Hits, Is.All.EqualTo(1));
        }
    }
}
