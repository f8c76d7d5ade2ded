using System;
using System.IO;
using NUnit.Framework;

namespace VaeProcgen.Tests.Imaging
{
    /// <summary>A fresh folder under the test output directory (inside the repo's bin), deleted on dispose.</summary>
    internal sealed class ScratchFolder : IDisposable
    {
        public ScratchFolder()
        {
            Path = System.IO.Path.Combine(TestContext.CurrentContext.WorkDirectory, "scratch", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string Write(string relativePath, byte[] bytes)
        {
            string full = System.IO.Path.Combine(Path, relativePath);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
            return full;
        }

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
        }
    }
}
