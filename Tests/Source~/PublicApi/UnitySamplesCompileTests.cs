using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;
using VaeProcgen.Tests.Packaging;
using VaeProcgen.Tools.UnityMeta;

namespace VaeProcgen.Tests.PublicApi
{
    /// <summary>
    /// The Unity samples (Samples~, which no .NET project builds) use only the public API of the runtime: they are
    /// compiled here as Unity would (C# 9, .NET Standard 2.1) against the Runtime assembly and a stub of the few
    /// UnityEngine/UnityEditor types they touch (UnityEngineStubs.cs.txt).
    /// </summary>
    [TestFixture]
    public sealed class UnitySamplesCompileTests
    {
        private static List<string> Compile(IEnumerable<(string Path, string Text)> sources)
        {
            string netstandard = Path.Combine(PluginFiller.DefaultNuGetCache(), "netstandard.library.ref", "2.1.0", "ref", "netstandard2.1", "netstandard.dll");
            if (!File.Exists(netstandard)) Assert.Ignore($"{netstandard} is missing; build Runtime (netstandard2.1) once to restore it.");
            var parse = new CSharpParseOptions(LanguageVersion.CSharp9);
            string stubs = File.ReadAllText(RepoPaths.Of("Tests/Source~/PublicApi/UnityEngineStubs.cs.txt"));
            var trees = sources.Append(("UnityEngineStubs.cs", stubs)).Select(s => CSharpSyntaxTree.ParseText(s.Item2, parse, s.Item1));
            var references = new[] { MetadataReference.CreateFromFile(netstandard), MetadataReference.CreateFromFile(typeof(VaeModel).Assembly.Location) };
            var quiet = new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress };
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, specificDiagnosticOptions: quiet);
            using var image = new MemoryStream();
            return CSharpCompilation.Create("VaeProcgen.Samples", trees, references, options).Emit(image)
                .Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        }

        private static IEnumerable<(string Path, string Text)> SampleSources() =>
            Directory.EnumerateFiles(RepoPaths.Of("Samples~"), "*.cs", SearchOption.AllDirectories).Select(f => (f, File.ReadAllText(f)));

        [Test]
        public void UnitySamplesCompileAgainstThePublicApi()
        {
            Assert.That(SampleSources().Count(), Is.GreaterThanOrEqualTo(3), "the sprite, variation-window and tilemap samples");
            Assert.That(Compile(SampleSources()), Is.Empty);
        }

        [Test]
        public void UsingAnInternalRuntimeTypeFailsTheCheck()
        {
            const string probe = "static class Probe { static void Run() => VaeProcgen.Generation.LatentSampler.Sample(1, new float[4]); }";
            Assert.That(Compile(SampleSources().Append(("Probe.cs", probe))), Has.Some.Contains("CS0122"));
        }
    }
}
