using System.IO;
using NUnit.Framework;

namespace VaeProcgen.Tests.Packaging
{
    /// <summary>Locates the repository root (the Unity package root) from the test output folder.</summary>
    internal static class RepoPaths
    {
        public static string Root { get; } = FindRoot();

        public static string Of(string relativePath) => Path.Combine(Root, relativePath);

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "package.json")) && File.Exists(Path.Combine(dir.FullName, "VaeProcgen.sln"))) return dir.FullName;
            }
            throw new DirectoryNotFoundException("No folder above the test output holds package.json and VaeProcgen.sln.");
        }
    }
}
