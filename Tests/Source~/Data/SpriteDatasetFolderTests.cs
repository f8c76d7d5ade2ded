using System.IO;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Tests.Data
{
    [TestFixture]
    public class SpriteDatasetFolderTests
    {
        private static byte[] Png(int size, byte grey) =>
            TestPng.Build(size, size, 8, 0, Enumerable.Range(0, size).Select(_ => Enumerable.Repeat(grey, size).ToArray()).ToList());

        [Test]
        public void LoadFolder_RecursesSortsAndLabels()
        {
            using var scratch = new ScratchFolder();
            scratch.Write("b/two.PNG", Png(16, 20));
            scratch.Write("a/deep/one.png", Png(32, 10));
            scratch.Write("root.png", Png(8, 30));
            scratch.Write("a/notes.txt", new byte[] { 1, 2, 3 });

            var dataset = SpriteDataset.LoadFolder(scratch.Path, new SpriteLoadOptions { Width = 8, Height = 8 });

            Assert.That(dataset.Items.Select(i => i.SourceName), Is.EqualTo(new[] { "a/deep/one.png", "b/two.PNG", "root.png" }));
            Assert.That(dataset.Items.Select(i => i.Label), Is.EqualTo(new[] { "a", "b", "" }));
            Assert.That(dataset.Labels, Is.EqualTo(new[] { "", "a", "b" }));
            Assert.That(dataset.Items.All(i => i.Image.Width == 8 && i.Image.Height == 8));
            Assert.That(dataset.Items[1].Image.Pixels[0], Is.EqualTo(20));
        }

        [Test]
        public void LoadFolder_AcceptsASinglePngFile()
        {
            using var scratch = new ScratchFolder();
            string file = scratch.Write("solo.png", Png(32, 99));
            var dataset = SpriteDataset.LoadFolder(file, new SpriteLoadOptions());
            Assert.That(dataset.Count, Is.EqualTo(1));
            Assert.That(dataset.Items[0].SourceName, Is.EqualTo("solo.png"));
            Assert.That(dataset.Items[0].Label, Is.EqualTo(""));
        }

        [Test]
        public void LoadFolder_AppliesFitMode()
        {
            using var scratch = new ScratchFolder();
            scratch.Write("x/small.png", Png(16, 200));
            var padded = SpriteDataset.LoadFolder(scratch.Path, new SpriteLoadOptions { Fit = SpriteFitMode.Pad });
            var scaled = SpriteDataset.LoadFolder(scratch.Path, new SpriteLoadOptions { Fit = SpriteFitMode.Scale });
            Assert.That(padded.Items[0].Image.Pixels[3], Is.EqualTo(0), "padded corner is transparent");
            Assert.That(scaled.Items[0].Image.Pixels[3], Is.EqualTo(255), "scaled corner is the sprite");
        }

        [Test]
        public void MissingFolder_NamesIt()
        {
            using var scratch = new ScratchFolder();
            string missing = Path.Combine(scratch.Path, "nope");
            var ex = Assert.Throws<DataLoadException>(() => SpriteDataset.LoadFolder(missing, new SpriteLoadOptions()));
            Assert.That(ex!.Message, Does.Contain(missing).And.Contain("does not exist"));
        }

        [Test]
        public void FolderWithoutPngs_NamesIt()
        {
            using var scratch = new ScratchFolder();
            scratch.Write("readme.txt", new byte[] { 65 });
            var ex = Assert.Throws<DataLoadException>(() => SpriteDataset.LoadFolder(scratch.Path, new SpriteLoadOptions()));
            Assert.That(ex!.Message, Does.Contain(scratch.Path).And.Contain("No PNG files"));
        }

        [Test]
        public void BadFile_ThrowsNamingIt_WhenNotSkipping()
        {
            using var scratch = new ScratchFolder();
            scratch.Write("a/good.png", Png(32, 1));
            scratch.Write("a/zero.png", new byte[0]);
            var ex = Assert.Throws<DataLoadException>(() => SpriteDataset.LoadFolder(scratch.Path, new SpriteLoadOptions()));
            Assert.That(ex!.Message, Does.Contain("zero.png"));
        }

        [Test]
        public void SkipBadFiles_CountsAndExplainsEachSkippedFile()
        {
            using var scratch = new ScratchFolder();
            byte[] good = Png(32, 1);
            scratch.Write("a/good.png", good);
            scratch.Write("a/zero.png", new byte[0]);
            scratch.Write("b/truncated.png", good.Take(good.Length / 2).ToArray());
            scratch.Write("b/text.png", System.Text.Encoding.ASCII.GetBytes("definitely not a png file"));

            var dataset = SpriteDataset.LoadFolder(scratch.Path, new SpriteLoadOptions { SkipBadFiles = true });

            Assert.That(dataset.Count, Is.EqualTo(1));
            Assert.That(dataset.SkippedFiles.Select(s => s.File), Is.EqualTo(new[] { "a/zero.png", "b/text.png", "b/truncated.png" }));
            Assert.That(dataset.SkippedFiles.All(s => s.Reason.Contains(s.File.Split('/')[1])));
        }

        [Test]
        public void SkipBadFiles_WithNothingUsable_Throws()
        {
            using var scratch = new ScratchFolder();
            scratch.Write("zero.png", new byte[0]);
            var ex = Assert.Throws<DataLoadException>(() =>
                SpriteDataset.LoadFolder(scratch.Path, new SpriteLoadOptions { SkipBadFiles = true }));
            Assert.That(ex!.Message, Does.Contain("None of the 1 PNG files"));
        }
    }
}
