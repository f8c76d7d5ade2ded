using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using NUnit.Framework;
using VaeProcgen.Authoring;
using VaeProcgen.Generation;
using VaeProcgen.Generation.Tiles;

namespace VaeProcgen.Tests.PublicApi
{
    /// <summary>
    /// Every public method of <see cref="VaeModel"/> and of the generation and authoring entry points documents each
    /// parameter (&lt;param&gt;), its result (&lt;returns&gt;, unless void) and, for <see cref="VaeModel"/>, what it throws
    /// (&lt;exception&gt;). Read from VaeProcgen.Runtime.xml, which the Runtime build writes next to the dll.
    /// </summary>
    [TestFixture]
    public sealed class EntryPointDocsTests
    {
        private static readonly Type[] EntryPoints =
        {
            typeof(VaeModel), typeof(IncrementalDecode), typeof(TileModelExtensions), typeof(LatentMath), typeof(SpriteVariations),
            typeof(ImportanceSampling), typeof(LatentPca), typeof(LatentGrid), typeof(PaletteSnapper), typeof(SourceColourSnapper),
        };

        private static Dictionary<string, XElement> ReadDocs()
        {
            string xml = Path.ChangeExtension(typeof(VaeModel).Assembly.Location, ".xml");
            Assert.That(File.Exists(xml), $"{xml} is missing; the Runtime project must keep GenerateDocumentationFile on");
            return XDocument.Load(xml).Descendants("member").ToDictionary(m => (string)m.Attribute("name")!);
        }

        /// <summary>The XML-doc id of a method: M:Namespace.Type.Name(ParamType,...).</summary>
        private static string IdOf(MethodBase method)
        {
            static string TypeName(Type t)
            {
                if (t.IsByRef) return TypeName(t.GetElementType()!) + "@";
                if (t.IsArray) return TypeName(t.GetElementType()!) + "[]";
                if (t.IsGenericType)
                {
                    string name = t.GetGenericTypeDefinition().FullName!;
                    name = name.Substring(0, name.IndexOf('`'));
                    return name + "{" + string.Join(",", t.GetGenericArguments().Select(TypeName)) + "}";
                }
                return t.FullName!.Replace('+', '.');
            }
            string name = method is ConstructorInfo ? "#ctor" : method.Name;
            ParameterInfo[] parameters = method.GetParameters();
            string args = parameters.Length == 0 ? "" : "(" + string.Join(",", parameters.Select(p => TypeName(p.ParameterType))) + ")";
            return $"M:{method.DeclaringType!.FullName!.Replace('+', '.')}.{name}{args}";
        }

        private static IEnumerable<MethodBase> PublicMethods(Type type) =>
            type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName).Cast<MethodBase>()
                .Concat(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance));

        [Test]
        public void EveryEntryPointMethodDocumentsItsParametersResultAndExceptions()
        {
            Dictionary<string, XElement> docs = ReadDocs();
            var problems = new List<string>();
            int checkedMethods = 0;
            foreach (Type type in EntryPoints)
            {
                foreach (MethodBase method in PublicMethods(type))
                {
                    checkedMethods++;
                    string id = IdOf(method);
                    if (!docs.TryGetValue(id, out XElement? doc))
                    {
                        problems.Add($"{id}: no documentation");
                        continue;
                    }
                    var documented = doc.Elements("param").Select(p => (string)p.Attribute("name")!).ToHashSet();
                    foreach (ParameterInfo p in method.GetParameters().Where(p => !documented.Contains(p.Name!))) problems.Add($"{id}: no <param name=\"{p.Name}\">");
                    if (method is MethodInfo info && info.ReturnType != typeof(void) && doc.Element("returns") == null) problems.Add($"{id}: no <returns>");
                    bool dispose = method.Name == nameof(IDisposable.Dispose);
                    if (type == typeof(VaeModel) && !dispose && !doc.Elements("exception").Any()) problems.Add($"{id}: no <exception>");
                }
            }
            Assert.That(checkedMethods, Is.GreaterThan(30), "the reflection found the entry points");
            Assert.That(problems, Is.Empty, string.Join("\n", problems));
        }
    }
}
