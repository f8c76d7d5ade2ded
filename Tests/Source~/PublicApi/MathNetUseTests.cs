using System.IO;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Tests.Packaging;

namespace VaeProcgen.Tests.PublicApi
{
    /// <summary>
    /// README, Backend.Managed's docs and the dependency table say MathNet.Numerics is used only by
    /// <see cref="Authoring.LatentPca"/> (symmetric eigendecomposition): keep that true.
    /// </summary>
    [TestFixture]
    public sealed class MathNetUseTests
    {
        [Test]
        public void OnlyLatentPcaUsesMathNet()
        {
            string runtime = RepoPaths.Of("Runtime");
            var users = Directory.EnumerateFiles(runtime, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains("bin~") && !f.Contains("obj~"))
                .Where(f => File.ReadAllText(f).Contains("MathNet.Numerics."))   // a using or a qualified name; prose says "MathNet.Numerics is"
                .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
                .ToList();
            Assert.That(users, Is.EqualTo(new[] { "Runtime/Authoring/LatentPca.cs" }));
            string pca = File.ReadAllText(RepoPaths.Of("Runtime/Authoring/LatentPca.cs"));
            Assert.That(pca, Does.Contain("Evd(Symmetricity.Symmetric)"), "the symmetric eigendecomposition the docs describe");
        }
    }
}
