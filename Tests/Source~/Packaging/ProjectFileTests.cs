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

        [TestCase("Runtime/VaeProcgen.Runtime.csproj", "VaeProcgen.Runtime")]
        [TestCase("Runtime/OnnxRuntime/VaeProcgen.Runtime.OnnxRuntime.csproj", "VaeProcgen.Runtime.OnnxRuntime")]
        public void RuntimePackagesHaveNuGetMetadata(string project, string id)
        {
            Assert.That(Property(project, "PackageId"), Is.EqualTo(id));
            Assert.That(Property(project, "AssemblyName"), Is.EqualTo(id), "the Unity asmdef and NativeBackendLocator use the same name");
            Assert.That(Property(project, "PackageReadmeFile"), Is.EqualTo("README.md"));
            Assert.That(Property(project, "Description"), Is.Not.Empty);
            Assert.That(Property(project, "LangVersion"), Is.EqualTo("9.0"));
            Assert.That(Property(project, "TargetFramework"), Is.EqualTo("netstandard2.1"));
            Assert.That(File.ReadAllText(RepoPaths.Of(project)), Does.Contain("NuGet~/Package.props"));
            const string shared = "Runtime/NuGet~/Package.props";
            Assert.That(Property(shared, "PackageLicenseExpression"), Is.EqualTo("MIT"));
            Assert.That(Property(shared, "PackageIcon"), Is.EqualTo("icon.png"));
            Assert.That(Property(shared, "SymbolPackageFormat"), Is.EqualTo("snupkg"));
            Assert.That(Property(shared, "RepositoryUrl"), Is.EqualTo("https://github.com/vaeprocgen/vaeprocgen.git"));
        }

        [Test]
        public void OnlyTheOnnxRuntimePackageDependsOnOnnxRuntime()
        {
            string[] Packages(string project) => XDocument.Load(RepoPaths.Of(project)).Descendants("PackageReference").Select(e => (string)e.Attribute("Include")!).ToArray();
            Assert.That(Packages("Runtime/VaeProcgen.Runtime.csproj"), Is.EqualTo(new[] { "MathNet.Numerics" }));
            Assert.That(Packages("Runtime/OnnxRuntime/VaeProcgen.Runtime.OnnxRuntime.csproj"), Is.EqualTo(new[] { "Microsoft.ML.OnnxRuntime" }));
            Assert.That(typeof(VaeModel).Assembly.GetReferencedAssemblies().Select(a => a.Name), Has.None.StartWith("Microsoft.ML.OnnxRuntime"));
        }

        [Test]
        public void NuGetReadmesLinkOnlyToAbsoluteUrls()
        {
            foreach (string readme in new[] { "Runtime/NuGet~/README.md", "Runtime/NuGet~/README.OnnxRuntime.md" })
            {
                var links = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(RepoPaths.Of(readme)), @"\]\(([^)]+)\)").Select(m => m.Groups[1].Value).ToList();
                Assert.That(links, Is.Not.Empty, readme);
                Assert.That(links.Where(l => !l.StartsWith("https://")), Is.Empty, $"{readme}: a package page cannot follow relative links");
            }
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
