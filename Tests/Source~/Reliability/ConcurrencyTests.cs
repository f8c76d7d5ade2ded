using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using VaeProcgen.Backends;

namespace VaeProcgen.Tests.Reliability
{
    /// <summary>One VaeModel shared by 8 threads: same results as sequential decoding, no deadlock, clean Dispose during use.</summary>
    [TestFixture(Backend.OnnxRuntime)]
    [TestFixture(Backend.Managed)]
    public class ConcurrencyTests
    {
        private const int Threads = 8;
        private const int DecodesPerThread = 300;
        private readonly Backend backend;
        public ConcurrencyTests(Backend backend) => this.backend = backend;

        private VaeModel Load() => VaeModel.Load(TinyModelFiles.Decoder, null, new VaeModelOptions { Backend = backend });

        [Test, Timeout(60000)]
        public void EightThreads_MatchSequentialDecoding()
        {
            using VaeModel model = Load();
            int total = Threads * DecodesPerThread;
            var expected = new float[total][];
            for (int i = 0; i < total; i++)
            {
                expected[i] = new float[model.ItemSize];
                model.Decode(model.SampleLatent(i), expected[i]);
            }
            var actual = new float[total][];
            var errors = new ConcurrentQueue<Exception>();
            var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
            {
                try
                {
                    for (int k = 0; k < DecodesPerThread; k++)
                    {
                        int i = k * Threads + t;
                        var output = new float[model.ItemSize];
                        // Mix batch sizes: odd items go through a 2-item batch whose second half is discarded.
                        if (i % 2 == 1)
                        {
                            var pair = new float[2 * model.ItemSize];
                            model.Decode(model.SampleLatent(i).Concat(model.SampleLatent(i + 1)).ToArray(), pair);
                            Array.Copy(pair, output, model.ItemSize);
                        }
                        else
                        {
                            model.Decode(model.SampleLatent(i), output);
                        }
                        actual[i] = output;
                    }
                }
                catch (Exception e)
                {
                    errors.Enqueue(e);
                }
            })).ToList();
            workers.ForEach(w => w.Start());
            foreach (Thread w in workers) Assert.That(w.Join(TimeSpan.FromSeconds(50)), Is.True, "deadlock or hang");
            Assert.That(errors, Is.Empty);
            int mismatches = Enumerable.Range(0, total).Count(i => !expected[i].AsSpan().SequenceEqual(actual[i]));
            if (backend == Backend.Managed)
            {
                Assert.That(mismatches, Is.Zero, "the managed backend is bitwise deterministic across batch sizes");
            }
            else
            {
                // ONNX Runtime may pick different kernels per batch size; even items (batch 1) must match bitwise.
                Assert.That(Enumerable.Range(0, total).Where(i => i % 2 == 0).All(i => expected[i].AsSpan().SequenceEqual(actual[i])));
                for (int i = 1; i < total; i += 2)
                    for (int j = 0; j < model.ItemSize; j++) Assert.That(actual[i][j], Is.EqualTo(expected[i][j]).Within(1e-5f));
            }
            TestContext.Out.WriteLine($"{backend}: {total} concurrent decodes from {Threads} threads, {mismatches} bitwise differences from sequential");
        }

        [Test, Timeout(60000)]
        public void DisposeDuringUse_FailsCleanlyWithObjectDisposed()
        {
            VaeModel model = Load();
            var unexpected = new ConcurrentQueue<Exception>();
            int decodes = 0, disposedSeen = 0;
            using var started = new CountdownEvent(Threads);
            var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
            {
                var output = new float[model.ItemSize];
                float[] z = model.SampleLatent(t);
                started.Signal();
                while (true)
                {
                    try
                    {
                        model.Decode(z, output);
                        Interlocked.Increment(ref decodes);
                    }
                    catch (ObjectDisposedException)
                    {
                        Interlocked.Increment(ref disposedSeen);
                        return;
                    }
                    catch (Exception e)
                    {
                        unexpected.Enqueue(e);
                        return;
                    }
                }
            })).ToList();
            workers.ForEach(w => w.Start());
            started.Wait();
            Thread.Sleep(100);
            model.Dispose();
            foreach (Thread w in workers) Assert.That(w.Join(TimeSpan.FromSeconds(30)), Is.True, "a thread hung after Dispose");
            Assert.That(unexpected, Is.Empty);
            Assert.That(disposedSeen, Is.EqualTo(Threads));
            TestContext.Out.WriteLine($"{backend}: {decodes} decodes before Dispose, {disposedSeen} threads stopped with ObjectDisposedException");
        }
    }
}
