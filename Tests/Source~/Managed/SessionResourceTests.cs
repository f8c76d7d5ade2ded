using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using NUnit.Framework;
using VaeProcgen.Backends;
using VaeProcgen.Backends.Managed;
using VaeProcgen.Onnx;
using VaeProcgen.Tests.EndToEnd;

namespace VaeProcgen.Tests.Managed
{
    /// <summary>What sessions share and what a loaded model keeps alive.</summary>
    [TestFixture, NonParallelizable]
    public sealed class SessionResourceTests
    {
        [Test]
        public void ThreadedSessions_ShareOnePool_SingleThreadedOnesUseNone()
        {
            using var decoder = new ManagedGraphSession(DecoderModels.Decoder(), new ManagedSessionOptions { MaxThreads = 2 });
            using var encoder = new ManagedGraphSession(DecoderModels.Encoder(), new ManagedSessionOptions { MaxThreads = 8 });
            using var single = new ManagedGraphSession(DecoderModels.Decoder(), new ManagedSessionOptions { MaxThreads = 1 });
            Assert.That(decoder.Loops.Pool, Is.SameAs(WorkerPool.Shared));
            Assert.That(encoder.Loops.Pool, Is.SameAs(WorkerPool.Shared));
            Assert.That(encoder.Loops.ThreadCount, Is.EqualTo(Math.Min(8, Environment.ProcessorCount)), "capped at the shared pool's size");
            Assert.That(single.Loops.Pool, Is.Null);
            Assert.That(single.Loops.ThreadCount, Is.EqualTo(1));
        }

        [Test]
        public void ConcurrentSessionsOnTheSharedPool_MatchSingleThreadedResults()
        {
            OnnxModel model = DecoderModels.Decoder();
            float[] z = ModelBuilder.Random(70, 2 * 32);
            float[] expected = ModelBuilder.RunManaged(model, 2, new ManagedSessionOptions { MaxThreads = 1 }, new[] { z })[0];
            var sessions = new ManagedGraphSession[3];
            for (int i = 0; i < sessions.Length; i++) sessions[i] = new ManagedGraphSession(model, new ManagedSessionOptions { MaxThreads = 2 });
            var mismatches = new int[sessions.Length];
            Parallel.For(0, sessions.Length, new ParallelOptions { MaxDegreeOfParallelism = sessions.Length }, i =>
            {
                for (int r = 0; r < 20; r++)
                {
                    if (!ModelBuilder.RunSession(sessions[i], 2, new[] { z })[0].AsSpan().SequenceEqual(expected)) mismatches[i]++;
                }
            });
            foreach (ManagedGraphSession s in sessions) s.Dispose();
            Assert.That(mismatches, Is.All.EqualTo(0));
        }

        [Test]
        public void OnnxRuntimeModel_DoesNotKeepTheParsedWeights()
        {
            var parsed = new List<WeakReference>();
            VaeModel model;
            ModelLoader.ParsedForTests = m => parsed.Add(new WeakReference(m));
            try
            {
                model = TrainedTinyModel.Load(Backend.OnnxRuntime);
            }
            finally
            {
                ModelLoader.ParsedForTests = null;
            }
            using (model)
            {
                Assert.That(parsed, Has.Count.EqualTo(2), "decoder and encoder were parsed");
                CollectEverything();
                Assert.That(parsed.FindAll(w => w.IsAlive), Is.Empty, "no parsed ONNX model is reachable from the loaded model");
                Assert.That(model.GenerateRgba(1), Has.Length.EqualTo(model.Contract.Height * model.Contract.Width * 4), "the model still decodes");
            }
        }

        [Test]
        public void ManagedModel_StillDecodesIncrementallyWithoutKeepingTheParsedModel()
        {
            var parsed = new List<WeakReference>();
            ModelLoader.ParsedForTests = m => parsed.Add(new WeakReference(m));
            VaeModel model;
            try
            {
                model = TrainedTinyModel.Load(Backend.Managed);
            }
            finally
            {
                ModelLoader.ParsedForTests = null;
            }
            using (model)
            {
                CollectEverything();
                Assert.That(parsed.FindAll(w => w.IsAlive), Is.Empty, "the managed sessions keep prepared kernels, not the parsed model");
                float[] z = model.SampleLatent(4);
                var whole = new float[model.ItemSize];
                model.Decode(z, whole);
                IncrementalDecode decode = model.BeginDecode(z);
                while (decode.Step()) { }
                Assert.That(decode.Output.ToArray(), Is.EqualTo(whole));
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void CollectEverything()
        {
            for (int i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }
    }
}
