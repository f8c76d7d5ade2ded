using System;
using NUnit.Framework;
using VaeProcgen.Backends;
using VaeProcgen.Tests.EndToEnd;

namespace VaeProcgen.Tests.Generation
{
    [TestFixture]
    public class IncrementalDecodeTests
    {
        private static float[] Latents(VaeModel model, int batch)
        {
            var z = new float[batch * model.LatentSize];
            model.SampleLatents(3, batch, z);
            return z;
        }

        [TestCase(1)]
        [TestCase(3)]
        public void ManagedStepsEqualDecodeBitForBit(int batch)
        {
            using VaeModel model = TrainedTinyModel.Load(Backend.Managed);
            float[] z = Latents(model, batch);
            var whole = new float[batch * model.ItemSize];
            model.Decode(z, whole);

            IncrementalDecode decode = model.BeginDecode(z);
            int steps = 0;
            while (decode.Step())
            {
                steps++;
                Assert.That(decode.IsComplete, Is.False);
                model.Decode(z, new float[batch * model.ItemSize]);   // ordinary calls may run between steps
            }
            Assert.That(steps, Is.GreaterThan(5), "one graph node per step");
            Assert.That(decode.IsComplete);
            Assert.That(decode.Output.ToArray(), Is.EqualTo(whole));
            Assert.That(decode.Step(), Is.False, "a finished decode stays finished");
        }

        [Test]
        public void StepsAllocateNothingAfterWarmUp()
        {
            using VaeModel model = TrainedTinyModel.Load(Backend.Managed);
            float[] z = Latents(model, 1);
            long smallest = long.MaxValue;
            for (int round = 0; round < 5; round++)   // the first rounds include JIT tiering of the step path
            {
                IncrementalDecode decode = model.BeginDecode(z);
                long before = GC.GetAllocatedBytesForCurrentThread();
                while (decode.Step()) { }
                smallest = Math.Min(smallest, GC.GetAllocatedBytesForCurrentThread() - before);
            }
            Assert.That(smallest, Is.EqualTo(0));
        }

        [Test]
        public void OnnxRuntimeFinishesInOneStepWithTheDecodeResult()
        {
            using VaeModel model = TrainedTinyModel.Load(Backend.OnnxRuntime);
            float[] z = Latents(model, 2);
            var whole = new float[2 * model.ItemSize];
            model.Decode(z, whole);
            IncrementalDecode decode = model.BeginDecode(z);
            model.Decode(Latents(model, 3), new float[3 * model.ItemSize]);   // ordinary calls may run before the step
            model.Decode(new float[2 * model.LatentSize], new float[2 * model.ItemSize]);
            Assert.That(decode.Step(), Is.False);
            Assert.That(decode.Output.ToArray(), Is.EqualTo(whole));
        }

        [Test]
        public void ReadingEarlyOrAfterBeingAbandonedFailsClearly()
        {
            using VaeModel model = TrainedTinyModel.Load(Backend.Managed);
            float[] z = Latents(model, 1);
            IncrementalDecode first = model.BeginDecode(z);
            Assert.That(() => first.Output.Length, Throws.InvalidOperationException.With.Message.Contains("not finished"));
            first.Step();
            model.BeginDecode(z);
            Assert.That(() => first.Step(), Throws.InvalidOperationException.With.Message.Contains("abandoned"));
        }
    }
}
