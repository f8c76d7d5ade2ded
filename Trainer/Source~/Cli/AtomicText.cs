using System.IO;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>Writes text files atomically (temporary file in the same folder, then a rename), creating the folder.</summary>
    internal static class AtomicText
    {
        public static void Write(string path, string text)
        {
            string full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            string temporary = full + ".tmp";
            File.WriteAllText(temporary, text);
            File.Move(temporary, full, overwrite: true);
        }
    }
}
