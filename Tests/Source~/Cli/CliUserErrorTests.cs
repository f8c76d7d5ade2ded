using System.IO;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Tests.Imaging;

namespace VaeProcgen.Tests.Cli
{
    /// <summary>User mistakes exit with code 2 and one readable line on stderr, never a stack trace.</summary>
    [TestFixture]
    public class CliUserErrorTests
    {
        private static void AssertOneLineWithoutStackTrace(string error)
        {
            string[] lines = error.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
            Assert.That(lines, Has.Length.EqualTo(1), "stderr: " + error);
            Assert.That(lines[0], Does.StartWith("error: "));
            Assert.That(error, Does.Not.Contain("   at "));
            Assert.That(error, Does.Not.Contain("Exception"));
        }

        [Test]
        public void Train_WithMissingDataFolder_ExitsTwoWithOneLine()
        {
            using var scratch = new ScratchFolder();
            string missing = Path.Combine(scratch.Path, "no-such-folder");
            var (exit, _, error) = ConsoleCapture.Run("train", "--data", missing, "--out", Path.Combine(scratch.Path, "out"), "--preset", "tiny", "--epochs", "1");
            Assert.That(exit, Is.EqualTo(2));
            AssertOneLineWithoutStackTrace(error);
            Assert.That(error, Does.Contain("no-such-folder"));
            Assert.That(Directory.Exists(Path.Combine(scratch.Path, "out", "decoder.onnx")), Is.False);
        }

        [Test]
        public void Train_WithUnknownPreset_ExitsTwo()
        {
            using var scratch = new ScratchFolder();
            var (exit, _, error) = ConsoleCapture.Run("train", "--out", Path.Combine(scratch.Path, "out"), "--preset", "huge", "--epochs", "1");
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("huge"));
            Assert.That(error, Does.Not.Contain("   at "));
            Assert.That(Directory.Exists(Path.Combine(scratch.Path, "out")), Is.False, "nothing should be trained for a bad preset");
        }

        [TestCase("--prior-local-shift", "Infinity")]
        [TestCase("--prior-bandwidth", "NaN")]
        public void Train_WithANonFinitePriorSetting_ExitsTwoNamingIt(string option, string value)
        {
            using var scratch = new ScratchFolder();
            var (exit, _, error) = ConsoleCapture.Run("train", "--out", Path.Combine(scratch.Path, "out"), option, value, "--epochs", "1");
            Assert.That(exit, Is.EqualTo(2));
            AssertOneLineWithoutStackTrace(error);
            Assert.That(error, Does.Contain(option + " must be a finite number"));
            Assert.That(Directory.Exists(Path.Combine(scratch.Path, "out")), Is.False, "nothing should be trained");
        }

        [TestCase("3"), TestCase("8")]
        public void Train_WithALocalCellOtherThanTwoOrFour_ExitsTwoNamingIt(string cell)
        {
            using var scratch = new ScratchFolder();
            var (exit, _, error) = ConsoleCapture.Run("train", "--out", Path.Combine(scratch.Path, "out"), "--local-cell", cell, "--epochs", "1");
            Assert.That(exit, Is.EqualTo(2));
            AssertOneLineWithoutStackTrace(error);
            Assert.That(error, Does.Contain($"--local-cell must be 2 or 4 (got {cell})"));
            Assert.That(Directory.Exists(Path.Combine(scratch.Path, "out")), Is.False, "nothing should be trained");
        }

        [Test]
        public void Sample_WithMissingModelFolder_ExitsTwoWithOneLine()
        {
            using var scratch = new ScratchFolder();
            string missing = Path.Combine(scratch.Path, "no-model");
            var (exit, _, error) = ConsoleCapture.Run("sample", "--model", missing, "--out", Path.Combine(scratch.Path, "grid.png"));
            Assert.That(exit, Is.EqualTo(2));
            AssertOneLineWithoutStackTrace(error);
            Assert.That(error, Does.Contain("no-model"));
            Assert.That(File.Exists(Path.Combine(scratch.Path, "grid.png")), Is.False);
        }

        [Test]
        public void Train_IntoAFolderThatCannotBeCreated_ExitsTwoWithOneLine()
        {
            using var scratch = new ScratchFolder();
            string blocker = Path.Combine(scratch.Path, "blocker");
            File.WriteAllText(blocker, "a file where the output folder's parent should be");
            var (exit, _, error) = ConsoleCapture.Run("train", "--out", Path.Combine(blocker, "out"), "--preset", "tiny", "--epochs", "1");
            Assert.That(exit, Is.EqualTo(2));
            AssertOneLineWithoutStackTrace(error);
            Assert.That(error, Does.Contain("blocker"));
        }

        [Test]
        public void ErrorLine_ForAFailedWrite_SaysWhatToDo()
        {
            string line = Trainer.Cli.CommandLine.ErrorLine(new IOException("No space left on device : '/x/checkpoint.bin.tmp'"));
            Assert.That(line, Does.StartWith("error: a file could not be read or written (No space left on device"));
            Assert.That(line, Does.Contain("free disk space"));
            Assert.That(Trainer.Cli.CommandLine.ErrorLine(new FileNotFoundException("Model file 'x' does not exist.")), Is.EqualTo("error: Model file 'x' does not exist."));
        }
    }
}
