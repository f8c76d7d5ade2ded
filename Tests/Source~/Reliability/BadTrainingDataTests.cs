using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Trainer.Cli;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Tests.Reliability
{
    /// <summary>Bad training data through the CLI: one clear message naming the file, exit code 2, no stack trace.</summary>
    [TestFixture]
    public class BadTrainingDataTests
    {
        private static (int Code, string Error) Train(string data, string outFolder, params string[] extra) =>
            CliRunner.Run(new[] { "train", "--data", data, "--out", outFolder, "--preset", "tiny", "--epochs", "1", "--size", "8", "--latent", "4" }.Concat(extra).ToArray());

        private static void AssertUserError((int Code, string Error) result, params string[] mustMention)
        {
            Assert.That(result.Code, Is.EqualTo(CommandLine.UserErrorExitCode), result.Error);
            Assert.That(result.Error, Does.StartWith("error: "));
            Assert.That(result.Error, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(result.Error.Trim().Split('\n').Length, Is.EqualTo(1), "one message");
            foreach (string text in mustMention) Assert.That(result.Error, Does.Contain(text));
        }

        private static ScratchFolder WithGoodSprites(int count)
        {
            var folder = new ScratchFolder();
            foreach (var (path, bytes) in PngBytes.Embedded(count)) folder.Write(Path.Combine("data", path), bytes);
            return folder;
        }

        [TestCase("empty.png", 0)]
        [TestCase("truncated.png", 1)]
        [TestCase("notapng.png", 2)]
        [TestCase("huge.png", 3)]
        public void BadPng_FailsNamingTheFile(string name, int kind)
        {
            using ScratchFolder folder = WithGoodSprites(4);
            byte[] real = PngBytes.Embedded(1)[0].Bytes;
            byte[] bad = kind switch
            {
                0 => Array.Empty<byte>(),
                1 => real.AsSpan(0, real.Length / 2).ToArray(),
                2 => System.Text.Encoding.UTF8.GetBytes("this is not an image\n"),
                _ => PngBytes.HeaderOnly(100000, 100000),
            };
            folder.Write(Path.Combine("data", "zzz", name), bad);
            AssertUserError(Train(Path.Combine(folder.Path, "data"), Path.Combine(folder.Path, "out")), name);
        }

        [Test]
        public void HugeDeclaredPng_IsRefusedBeforeAllocating()
        {
            byte[] huge = PngBytes.HeaderOnly(100000, 100000);
            long before = GC.GetAllocatedBytesForCurrentThread();
            var e = Assert.Throws<DataLoadException>(() => PngCodec.Decode(huge, "huge.png"));
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.That(e!.Message, Does.Contain("huge.png").And.Contain("100000"));
            Assert.That(allocated, Is.LessThan(1_000_000), "40 GB of pixels must not even be attempted");
        }

        [Test]
        public void EmptyFolder_FailsNamingTheFolder()
        {
            using var folder = new ScratchFolder();
            Directory.CreateDirectory(Path.Combine(folder.Path, "nothing"));
            AssertUserError(Train(Path.Combine(folder.Path, "nothing"), Path.Combine(folder.Path, "out")), "nothing", "No PNG");
        }

        [Test]
        public void MissingFolder_FailsNamingTheFolder()
        {
            using var folder = new ScratchFolder();
            AssertUserError(Train(Path.Combine(folder.Path, "absent"), Path.Combine(folder.Path, "out")), "absent");
        }

        [Test]
        public void UnreadableFile_FailsNamingTheFile()
        {
            // Tests run as root here, where chmod 000 does not stop reads; a dangling symbolic link named *.png is
            // listed by the folder scan but cannot be opened, which exercises the same "cannot be read" path.
            using ScratchFolder folder = WithGoodSprites(4);
            File.CreateSymbolicLink(Path.Combine(folder.Path, "data", "dangling.png"), Path.Combine(folder.Path, "no-such-target.png"));
            AssertUserError(Train(Path.Combine(folder.Path, "data"), Path.Combine(folder.Path, "out")), "dangling.png", "cannot be read");
        }

        [Test]
        public void Chmod000File_FailsNamingTheFile_WhenNotRoot()
        {
            if (Environment.UserName == "root") Assert.Ignore("Running as root: permission bits do not stop reads (see UnreadableFile_FailsNamingTheFile).");
            using ScratchFolder folder = WithGoodSprites(4);
            string locked = folder.Write(Path.Combine("data", "locked.png"), PngBytes.Embedded(1)[0].Bytes);
            File.SetUnixFileMode(locked, UnixFileMode.None);
            AssertUserError(Train(Path.Combine(folder.Path, "data"), Path.Combine(folder.Path, "out")), "locked.png");
        }

        [Test]
        public void MixedSizes_AreFittedToTheModelSize()
        {
            using var folder = new ScratchFolder();
            folder.Write("a/small.png", PngCodec.Encode(new RgbaImage(5, 7, new byte[5 * 7 * 4])));
            folder.Write("a/wide.png", PngCodec.Encode(new RgbaImage(40, 12, new byte[40 * 12 * 4])));
            folder.Write("b/exact.png", PngCodec.Encode(new RgbaImage(8, 8, new byte[8 * 8 * 4])));
            SpriteDataset data = SpriteDataset.LoadFolder(folder.Path, new SpriteLoadOptions { Width = 8, Height = 8 });
            Assert.That(data.Count, Is.EqualTo(3));
            Assert.That(data.Items.All(i => i.Image.Width == 8 && i.Image.Height == 8));
        }

        [Test]
        public void SkipBadFiles_TrainsAndReportsHowManyWereSkipped()
        {
            using ScratchFolder folder = WithGoodSprites(8);
            folder.Write("data/bad/empty.png", Array.Empty<byte>());
            folder.Write("data/bad/text.png", System.Text.Encoding.UTF8.GetBytes("hello"));
            folder.Write("data/bad/huge.png", PngBytes.HeaderOnly(100000, 100000));
            var result = Train(Path.Combine(folder.Path, "data"), Path.Combine(folder.Path, "out"), "--skip-bad-files", "--batch-size", "8");
            Assert.That(result.Code, Is.EqualTo(0), result.Error);
            Assert.That(result.Error, Does.Contain("skipped 3 bad file(s)"));
            Assert.That(result.Error, Does.Contain("bad/empty.png").And.Contain("bad/text.png").And.Contain("bad/huge.png"));
            Assert.That(File.Exists(Path.Combine(folder.Path, "out", "decoder.onnx")));
        }
    }
}
