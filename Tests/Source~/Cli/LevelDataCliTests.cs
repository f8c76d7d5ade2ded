using System.IO;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Tests.Imaging;

namespace VaeProcgen.Tests.Cli
{
    /// <summary>Level data of an unseen game through the real command line: mistakes give one sentence and exit 2; unknown tags a note.</summary>
    public class LevelDataCliTests
    {
        private static string Room(char fill) => string.Join("\n", Enumerable.Repeat("X" + new string(fill, 6) + "X", 7).Append("XXXXXXXX")) + "\n";

        private static void Write(string folder, string legend, params (string Name, string Text)[] levels)
        {
            Directory.CreateDirectory(Path.Combine(folder, "levels"));
            File.WriteAllText(Path.Combine(folder, "legend.json"), legend);
            foreach (var (name, text) in levels) File.WriteAllText(Path.Combine(folder, "levels", name), text);
        }

        private static (int Exit, string Output, string Error) Train(string folder) =>
            ConsoleCapture.Run("train", "--kind", "tiles", "--data", Path.Combine(folder, "levels"), "--legend", Path.Combine(folder, "legend.json"),
                "--out", Path.Combine(folder, "model"), "--preset", "tiny", "--epochs", "1", "--latent", "4");

        [Test]
        public void ACharacterMissingFromTheLegendIsOneSentenceAndExitTwo()
        {
            using var scratch = new ScratchFolder();
            Write(scratch.Path, "{\"tiles\": {\"X\": [\"solid\"], \"-\": [\"passable\", \"empty\"]}}", ("a.txt", Room('-')), ("b.txt", Room('Q')));
            var (exit, _, error) = Train(scratch.Path);
            Assert.That(exit, Is.EqualTo(2));
            string[] lines = error.Split('\n').Where(l => l.Trim().Length > 0).ToArray();
            Assert.That(lines, Has.Length.EqualTo(1), error);
            Assert.That(error, Does.Contain("b.txt").And.Contain("'Q'").And.Contain("legend"));
            Assert.That(error, Does.Not.Contain("   at "));
        }

        [Test]
        public void ALegendTileWithOnlyUnknownTagsTrainsWithANote()
        {
            using var scratch = new ScratchFolder();
            Write(scratch.Path, "{\"tiles\": {\"X\": [\"solid\", \"wall\"], \"-\": [\"passable\", \"empty\"], \"Z\": [\"teleporter\", \"glowing\"]}}",
                ("a.txt", Room('-')), ("b.txt", Room('Z')), ("c.txt", Room('-')));
            var (exit, _, error) = Train(scratch.Path);
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(error, Does.Contain("note: legend tile 'Z' (teleporter, glowing) has no tag the playability checker knows"));
            Assert.That(error, Does.Not.Contain("tile 'X'"), "'wall' is unknown but 'solid' is known");
            Assert.That(File.Exists(Path.Combine(scratch.Path, "model", "decoder.onnx")), Is.True);
        }
    }
}
