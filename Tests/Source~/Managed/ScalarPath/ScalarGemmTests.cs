using NUnit.Framework;

namespace VaeProcgen.Tests.Managed.ScalarPath
{
    /// <summary>Every <see cref="GemmTests"/> case again on the scalar kernels.</summary>
    [TestFixture, ScalarKernels, NonParallelizable]
    public sealed class ScalarGemmTests : GemmTests
    {
        [Test]
        public void RunsOnTheScalarKernels() => Assert.That(VaeProcgen.Backends.Managed.KernelPath.Vectorized, Is.False);
    }
}
