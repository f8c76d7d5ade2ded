using System.IO;
using System.Linq;
using System.Xml.Linq;
using NUnit.Framework;

namespace VaeProcgen.Tests.Packaging
{
    [TestFixture]
    public sealed class ProjectFileTests
    {
        private static string Property(string project, string name) =>
            XDocument.Load(RepoPaths.Of(project)).Descendants(name).Select(e => e.Value).SingleOrDefault() ?? "";

        [Test]
        public void RuntimeStaysOnCSharp9AndNetStandard21ForUnity()
        {
            Assert.That(Property("Runtime/VaeProcgen.Runtime.csproj", "LangVersion"), Is.EqualTo("9.0").Or.EqualTo("9"),
                "Unity 2021.3 compiles C# 9; newer syntax would break the package");
            Assert.That(Property("Runtime/VaeProcgen.Runtime.csproj", "TargetFramework"), Is.EqualTo("netstandard2.1"));
            Assert.That(Property("Runtime/VaeProcgen.Runtime.csproj", "AllowUnsafeBlocks"), Is.EqualTo("true"));
            Assert.That(Property("Directory.Build.props", "LangVersion"), Is.Empty, "no repo-wide LangVersion that could override the runtime's");
        }

        [Test]
        public void RuntimeAssemblyWasCompiledAsNetStandard21()
        {
            var framework = typeof(VaeModel).Assembly.GetCustomAttributes(typeof(System.Runtime.Versioning.TargetFrameworkAttribute), false)
                .Cast<System.Runtime.Versioning.TargetFrameworkAttribute>().Single();
            Assert.That(framework.FrameworkName, Is.EqualTo(".NETStandard,Version=v2.1"));
        }

        [Test]
        public void BuildOutputGoesToFoldersUnityIgnores()
        {
            Assert.That(Property("Directory.Build.props", "BaseOutputPath"), Does.EndWith("bin~/"));
            Assert.That(Property("Directory.Build.props", "BaseIntermediateOutputPath"), Does.EndWith("obj~/"));
            string gitignore = File.ReadAllText(RepoPaths.Of(".gitignore"));
            Assert.That(gitignore, Does.Contain("bin~/").And.Contain("obj~/"));
            Assert.That(typeof(ProjectFileTests).Assembly.Location.Replace('\\', '/'), Does.Contain("/bin~/"));
        }

        [Test]
        public void RuntimePackageHasNuGetMetadata()
        {
            const string project = "Runtime/VaeProcgen.Runtime.csproj";
            Assert.That(Property(project, "PackageId"), Is.EqualTo("VaeProcgen.Runtime"));
            Assert.That(Property(project, "PackageLicenseExpression"), Is.EqualTo("MIT"));
            Assert.That(Property(project, "PackageReadmeFile"), Is.EqualTo("README.md"));
            Assert.That(Property(project, "Description"), Is.Not.Empty);
            Assert.That(Property(project, "PackageTags"), Does.Contain("unity"));
            Assert.That(Property(project, "RepositoryUrl"), Is.Not.Empty);
        }

        [Test]
        public void NoProjectCompilesTheUnitySamples()
        {
            foreach (string project in Directory.EnumerateFiles(RepoPaths.Root, "*.csproj", SearchOption.AllDirectories)
                         .Where(p => !p.Contains("~")))
            {
                string folder = Path.GetDirectoryName(project)!;
                Assert.That(Path.GetFullPath(RepoPaths.Of("Samples~")).StartsWith(folder + Path.DirectorySeparatorChar), Is.False,
                    $"{project} would glob Samples~ (UnityEngine code)");
            }
        }
    }
}
