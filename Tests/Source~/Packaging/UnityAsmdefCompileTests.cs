using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;
using VaeProcgen.Tools.UnityMeta;

namespace VaeProcgen.Tests.Packaging
{
    /// <summary>
    /// Compiles the package's assembly definitions the way Unity 2021.3 does, without Unity: each visible .cs file
    /// belongs to the nearest .asmdef above it; C# 9 against .NET Standard 2.1 (netstandard.dll only, no .NET 10
    /// APIs); precompiled references resolved by file name among the package's plugins (a git-URL install has only
    /// the committed ones); the options of a csc.rsp next to the asmdef; the asmdef's allowUnsafeCode. An assembly
    /// whose defineConstraints are not met is not compiled at all, as in Unity.
    /// </summary>
    [TestFixture]
    public sealed class UnityAsmdefCompileTests
    {
        private const string OnnxRuntimeDefine = "VAEPROCGEN_ONNXRUNTIME";
        private string netstandard = "";

        [OneTimeSetUp]
        public void FindReferenceAssemblies()
        {
            netstandard = Path.Combine(PluginFiller.DefaultNuGetCache(), "netstandard.library.ref", "2.1.0", "ref", "netstandard2.1", "netstandard.dll");
            if (!File.Exists(netstandard)) Assert.Ignore($"{netstandard} is missing; build Runtime (netstandard2.1) once to restore it.");
        }

        private sealed class Asmdef
        {
            public string Name = "";
            public string Folder = "";
            public List<string> Sources = new List<string>();
            public string[] References = Array.Empty<string>();
            public string[] Precompiled = Array.Empty<string>();
            public string[] DefineConstraints = Array.Empty<string>();
            public bool Unsafe;
        }

        /// <summary>The visible asmdefs under Runtime/ and the .cs files each owns.</summary>
        private static List<Asmdef> ReadAsmdefs()
        {
            IReadOnlyList<string> visible = UnityImportScope.VisiblePaths(RepoPaths.Root);
            var asmdefs = visible.Where(p => p.StartsWith("Runtime/") && p.EndsWith(".asmdef")).Select(p =>
            {
                JsonElement json = JsonDocument.Parse(File.ReadAllText(RepoPaths.Of(p))).RootElement;
                string[] Strings(string key) => json.TryGetProperty(key, out JsonElement a) ? a.EnumerateArray().Select(e => e.GetString()!).ToArray() : Array.Empty<string>();
                return new Asmdef
                {
                    Name = json.GetProperty("name").GetString()!,
                    Folder = p.Substring(0, p.LastIndexOf('/')),
                    References = Strings("references"),
                    Precompiled = Strings("precompiledReferences"),
                    DefineConstraints = Strings("defineConstraints"),
                    Unsafe = json.TryGetProperty("allowUnsafeCode", out JsonElement u) && u.GetBoolean(),
                };
            }).ToList();
            foreach (string source in visible.Where(p => p.StartsWith("Runtime/") && p.EndsWith(".cs")))
            {
                Asmdef owner = asmdefs.Where(a => source.StartsWith(a.Folder + "/")).OrderByDescending(a => a.Folder.Length).First();
                owner.Sources.Add(source);
            }
            return asmdefs;
        }

        /// <summary>Compiles every asmdef whose constraints hold; returns diagnostics (errors and warnings) per assembly.</summary>
        private static readonly Dictionary<string, Dictionary<string, List<string>>> Cache = new Dictionary<string, Dictionary<string, List<string>>>();

        private Dictionary<string, List<string>> CompileAsUnity(ISet<string> defines, IReadOnlyDictionary<string, string> plugins)
        {
            string key = string.Join(",", defines.OrderBy(d => d)) + "|" + string.Join(",", plugins.Keys.OrderBy(k => k));
            if (!Cache.TryGetValue(key, out Dictionary<string, List<string>>? cached)) Cache[key] = cached = Compile(defines, plugins);
            return cached;
        }

        private Dictionary<string, List<string>> Compile(ISet<string> defines, IReadOnlyDictionary<string, string> plugins)
        {
            var results = new Dictionary<string, List<string>>();
            var built = new Dictionary<string, MetadataReference>();
            List<Asmdef> asmdefs = ReadAsmdefs();
            // Dependency order: an assembly after the asmdefs it references.
            foreach (Asmdef asmdef in asmdefs.OrderBy(a => a.References.Count(r => asmdefs.Any(o => o.Name == r))))
            {
                var active = new HashSet<string>(defines);
                if (asmdef.Name.EndsWith(".OnnxRuntime") && defines.Contains("asus4")) active.Add(OnnxRuntimeDefine); // versionDefines
                if (!asmdef.DefineConstraints.All(active.Contains)) continue;
                string rsp = RepoPaths.Of(asmdef.Folder + "/csc.rsp");
                bool nullable = File.Exists(rsp) && File.ReadAllText(rsp).Contains("-nullable:enable");
                var references = new List<MetadataReference> { MetadataReference.CreateFromFile(netstandard) };
                foreach (string name in asmdef.Precompiled)
                {
                    if (plugins.TryGetValue(name, out string? path)) references.Add(MetadataReference.CreateFromFile(path));
                }
                foreach (string name in asmdef.References)
                {
                    if (built.TryGetValue(name, out MetadataReference? reference)) references.Add(reference);
                }
                var parse = new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: active.Concat(new[] { "UNITY_5_3_OR_NEWER", "UNITY_2021_3_OR_NEWER" }));
                var trees = asmdef.Sources.Select(s => CSharpSyntaxTree.ParseText(File.ReadAllText(RepoPaths.Of(s)), parse, s));
                // CS1701/CS1702 (netstandard 2.0 references unified to 2.1) are off by default in csc, the .NET SDK and Unity.
                var quiet = new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress };
                var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: asmdef.Unsafe,
                    nullableContextOptions: nullable ? NullableContextOptions.Enable : NullableContextOptions.Disable, warningLevel: 4,
                    specificDiagnosticOptions: quiet);
                CSharpCompilation compilation = CSharpCompilation.Create(asmdef.Name, trees, references, options);
                using var image = new MemoryStream();
                var emitted = compilation.Emit(image);
                results[asmdef.Name] = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
                if (emitted.Success) built[asmdef.Name] = MetadataReference.CreateFromImage(image.ToArray());
            }
            return results;
        }

        private static Dictionary<string, string> CommittedPlugins() =>
            PluginLayout.All.Where(p => p.Committed).ToDictionary(p => Path.GetFileName(p.RelativePath), p => RepoPaths.Of(PluginLayout.PluginsFolder + "/" + p.RelativePath));

        [Test]
        public void AsmdefsOwnAllRuntimeSources()
        {
            List<Asmdef> asmdefs = ReadAsmdefs();
            Assert.That(asmdefs.Select(a => a.Name), Is.EquivalentTo(new[] { "VaeProcgen.Runtime", "VaeProcgen.Runtime.OnnxRuntime" }));
            Asmdef onnx = asmdefs.Single(a => a.Name == "VaeProcgen.Runtime.OnnxRuntime");
            Assert.That(onnx.Sources, Does.Contain("Runtime/OnnxRuntime/OnnxRuntimeSession.cs"));
            Asmdef core = asmdefs.Single(a => a.Name == "VaeProcgen.Runtime");
            Assert.That(core.Sources, Does.Contain("Runtime/VaeModel.cs").And.Not.Contain("Runtime/OnnxRuntime/OnnxRuntimeSession.cs"));
            Assert.That(core.Sources.Where(s => File.ReadAllText(RepoPaths.Of(s)).Contains("Microsoft.ML.OnnxRuntime")), Is.Empty,
                "the core assembly has no ONNX Runtime (native) dependency");
        }

        [Test]
        public void GitUrlInstallWithoutOnnxRuntimeCompilesTheCoreWithNoErrorOrWarning()
        {
            Dictionary<string, List<string>> results = CompileAsUnity(new HashSet<string>(), CommittedPlugins());
            Assert.That(results.Keys, Is.EqualTo(new[] { "VaeProcgen.Runtime" }), "the ONNX Runtime assembly is skipped (its define constraint is unmet)");
            Assert.That(results["VaeProcgen.Runtime"], Is.Empty);
        }

        [Test]
        public void WithAnOnnxRuntimePackageBothAssembliesCompileWithNoErrorOrWarning()
        {
            string ort = Path.Combine(PluginFiller.DefaultNuGetCache(), "microsoft.ml.onnxruntime.managed", PluginLayout.OnnxRuntimeVersion, "lib", "netstandard2.0", "Microsoft.ML.OnnxRuntime.dll");
            if (!File.Exists(ort)) Assert.Ignore($"{ort} is missing; build Runtime/OnnxRuntime once to restore it.");
            // The same API as the com.github.asus4.onnxruntime assembly (which compiles ONNX Runtime's C# sources);
            // here it comes as the precompiled dll of the offline `plugins` route.
            var plugins = CommittedPlugins();
            plugins["Microsoft.ML.OnnxRuntime.dll"] = ort;
            Dictionary<string, List<string>> results = CompileAsUnity(new HashSet<string> { "asus4" }, plugins);
            Assert.That(results.Keys, Is.EquivalentTo(new[] { "VaeProcgen.Runtime", "VaeProcgen.Runtime.OnnxRuntime" }));
            Assert.That(results["VaeProcgen.Runtime"], Is.Empty);
            Assert.That(results["VaeProcgen.Runtime.OnnxRuntime"], Is.Empty);
        }

        [Test]
        public void TheEmulationCatchesWhatUnityWouldReport()
        {
            // Without the MathNet plugin the core cannot compile; without the csc.rsp nullable option, every '?' annotation warns.
            var noPlugins = CompileAsUnity(new HashSet<string>(), new Dictionary<string, string>());
            Assert.That(noPlugins["VaeProcgen.Runtime"], Has.Some.Contains("error CS0246").Or.Some.Contains("error CS0234"));
        }
    }
}
