using NUnit.Framework;

namespace VaeProcgen.Tests.Managed.ScalarPath
{
    /// <summary>Every <see cref="OnnxRuntimeParityTests"/> case again on the scalar kernels.</summary>
    [TestFixture, ScalarKernels, NonParallelizable]
    public sealed class ScalarOnnxRuntimeParityTests : OnnxRuntimeParityTests
    {
        [Test]
        public void RunsOnTheScalarKernels() => Assert.That(VaeProcgen.Backends.Managed.KernelPath.Vectorized, Is.False);
    }
}
