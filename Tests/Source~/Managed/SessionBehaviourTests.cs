using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;
using VaeProcgen.Backends.Managed;
using VaeProcgen.Onnx;

namespace VaeProcgen.Tests.Managed
{
    [TestFixture]
    public class SessionBehaviourTests
    {
        [Test]
        public void UnsupportedOperator_FailsInConstructorNamingOpNodeAndSupportedList()
        {
            var model = new ModelBuilder().Input("x", 4).Node("Relu", new[] { "x" }, new[] { "r" })
                .Node("HardSwish", new[] { "r" }, new[] { "y" }).Output("y").Build();
            var ex = Assert.Throws<VaeModelException>(() => new ManagedGraphSession(model));
            Assert.That(ex!.Message, Does.Contain("HardSwish"));
            Assert.That(ex.Message, Does.Contain("hardswish_1"));
            Assert.That(ex.Message, Does.Contain("ConvTranspose"));
        }

        [Test]
        public void UnsupportedAttribute_GroupedConv_FailsInConstructor()
        {
            var model = new ModelBuilder().Input("x", 4, 5, 5).Init("w", new long[] { 4, 2, 3, 3 }, new float[72])
                .Node("Conv", new[] { "x", "w" }, new[] { "y" }, OnnxAttribute.Of("group", 2L)).Output("y").Build();
            var ex = Assert.Throws<VaeModelException>(() => new ManagedGraphSession(model));
            Assert.That(ex!.Message, Does.Contain("group"));
        }

        [Test]
        public void RunAfterWarmUp_AllocatesNothing([Values(1, 4)] int batch)
        {
            using var session = new ManagedGraphSession(DecoderModels.Decoder(), new ManagedSessionOptions { MaxThreads = 1 });
            ModelBuilder.Random(40, batch * 32).AsSpan().CopyTo(session.Input(batch, 0));
            long smallest = long.MaxValue;
            for (int round = 0; round < 5; round++)   // the first rounds plan the batch size and include JIT tiering
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < 3; i++) session.Run(batch);
                session.Begin(batch);
                while (session.Step()) { }
                smallest = Math.Min(smallest, GC.GetAllocatedBytesForCurrentThread() - before);
            }
            Assert.That(smallest, Is.EqualTo(0));
        }

        [Test]
        public void StepByStep_EqualsRunBitForBit()
        {
            float[] z = ModelBuilder.Random(41, 2 * 32);
            using var session = new ManagedGraphSession(DecoderModels.Decoder());
            float[] whole = ModelBuilder.RunSession(session, 2, new[] { z })[0];
            session.Begin(2);
            ModelBuilder.Random(45, 2 * 32).AsSpan().CopyTo(session.Input(2, 0));   // Begin took its own copy of the inputs
            int calls = 1;
            while (session.Step())
            {
                calls++;
                session.Run(2);   // ordinary runs between steps do not disturb the incremental run
            }
            Assert.That(calls, Is.EqualTo(session.NodeCount));
            Assert.That(session.IsRunning, Is.False);
            Assert.That(session.StepOutput(0).ToArray(), Is.EqualTo(whole));
            Assert.That(session.Output(2, 0).ToArray(), Is.Not.EqualTo(whole), "the ordinary runs used the new inputs");
            Assert.That(Array.Exists(whole, v => v != 0f), Is.True);
        }

        [Test]
        public void ThreadCount_DoesNotChangeBits([Values(1, 3)] int batch)
        {
            float[] z = ModelBuilder.Random(42, batch * 32);
            float[] single = ModelBuilder.RunManaged(DecoderModels.Decoder(), batch, new ManagedSessionOptions { MaxThreads = 1 }, new[] { z })[0];
            float[] two = ModelBuilder.RunManaged(DecoderModels.Decoder(), batch, new ManagedSessionOptions { MaxThreads = 2 }, new[] { z })[0];
            float[] three = ModelBuilder.RunManaged(DecoderModels.Decoder(), batch, new ManagedSessionOptions { MaxThreads = 3 }, new[] { z })[0];
            Assert.That(two, Is.EqualTo(single));
            Assert.That(three, Is.EqualTo(single));
            float[] x = ModelBuilder.Random(43, batch * 4 * 32 * 32);
            float[][] e1 = ModelBuilder.RunManaged(DecoderModels.Encoder(), batch, new ManagedSessionOptions { MaxThreads = 1 }, new[] { x });
            float[][] e2 = ModelBuilder.RunManaged(DecoderModels.Encoder(), batch, new ManagedSessionOptions { MaxThreads = 2 }, new[] { x });
            Assert.That(e2[0], Is.EqualTo(e1[0]));
            Assert.That(e2[1], Is.EqualTo(e1[1]));
        }

        [Test]
        public void RepeatedRuns_AreBitwiseIdentical()
        {
            float[] z = ModelBuilder.Random(44, 32);
            using var session = new ManagedGraphSession(DecoderModels.Decoder(), new ManagedSessionOptions { MaxThreads = 2 });
            float[] first = ModelBuilder.RunSession(session, 1, new[] { z })[0];
            for (int i = 0; i < 3; i++) Assert.That(ModelBuilder.RunSession(session, 1, new[] { z })[0], Is.EqualTo(first));
        }

        [Test]
        public void SeparateSessions_RunConcurrently_MatchSequentialResults()
        {
            OnnxModel model = DecoderModels.Decoder();
            var latents = new float[4][];
            var sequential = new float[4][];
            for (int i = 0; i < 4; i++)
            {
                latents[i] = ModelBuilder.Random(50 + i, 2 * 32);
                sequential[i] = ModelBuilder.RunManaged(model, 2, new ManagedSessionOptions { MaxThreads = 2 }, new[] { latents[i] })[0];
            }
            var concurrent = new float[4][];
            Parallel.For(0, 4, i =>
            {
                using var session = new ManagedGraphSession(model, new ManagedSessionOptions { MaxThreads = 2 });
                for (int r = 0; r < 3; r++) concurrent[i] = ModelBuilder.RunSession(session, 2, new[] { latents[i] })[0];
            });
            for (int i = 0; i < 4; i++) Assert.That(concurrent[i], Is.EqualTo(sequential[i]));
        }

        [Test]
        public void Buffers_AreTheGraphTensorsSizedPerBatch()
        {
            using var session = new ManagedGraphSession(DecoderModels.Decoder());
            Assert.That(session.Input(3, 0).Length, Is.EqualTo(3 * 32));
            Assert.That(session.Output(3, 0).Length, Is.EqualTo(3 * 4 * 32 * 32));
            session.Input(3, 0)[0] = 1.5f;
            Assert.That(session.Input(3, 0)[0], Is.EqualTo(1.5f), "the same buffer every time");
            Assert.Throws<ArgumentOutOfRangeException>(() => session.Input(0, 0));
            Assert.Throws<InvalidOperationException>(() => session.Step());
            Assert.Throws<InvalidOperationException>(() => session.StepOutput(0));
        }
    }
}
