using System;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using VaeProcgen.Backends.Managed;

namespace VaeProcgen.Tests.Managed.ScalarPath
{
    /// <summary>
    /// Runs every test of the fixture on the managed backend's scalar kernels (the path of runtimes without hardware
    /// SIMD), even on a machine where <see cref="System.Numerics.Vector.IsHardwareAccelerated"/> is true.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class ScalarKernelsAttribute : Attribute, ITestAction
    {
        public ActionTargets Targets => ActionTargets.Test;

        public void BeforeTest(ITest test) => KernelPath.ForceScalar = true;

        public void AfterTest(ITest test) => KernelPath.ForceScalar = false;
    }
}
