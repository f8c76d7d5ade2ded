using System;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Trainer.Data.Levels;

namespace VaeProcgen.Tests.Levels
{
    [TestFixture]
    public class TileLevelDatasetTests
    {
        private const string Legend = "{\"tiles\": {\"X\": [\"solid\"], \"-\": [\"empty\"], \"E\": [\"enemy\"]}}";

        private static string Level(int height, int width) =>
            string.Join("\n", Enumerable.Range(0, height).Select(r => new string(r == height - 1 ? 'X' : '-', width))) + "\n";

        private static TileLevelDataset FromTexts(TileWindowOptions options, params (string, string)[] levels) =>
            TileLevelDataset.FromTexts(levels, LevelTestData.SmallLegend, "small.json", Legend, options);

        [Test]
        public void Embedded_HasFifteenLevelsThirteenTilesAndStrideOneWindows()
        {
            TileLevelDataset mario = LevelTestData.Mario;
            Assert.That(mario.Levels, Has.Count.EqualTo(15));
            Assert.That(mario.TileCount, Is.EqualTo(13));
            Assert.That(mario.Legend.Select(e => e.Index), Is.EqualTo(Enumerable.Range(0, 13)));
            Assert.That(mario.Legend.Select(e => e.Character), Is.Ordered);
            Assert.That(mario.Legend.Single(e => e.Character == 'X').Tags, Is.EqualTo(new[] { "solid", "ground" }));
            Assert.That(mario.Windows, Has.Count.EqualTo(2518)); // Σ (width − 27) over the 15 levels.
            Assert.That(mario.Windows.All(w => w.Height == 14 && w.Width == 28));
            Assert.That(mario.Fingerprint, Does.Match("^[0-9a-f]{64}$"));
        }

        [Test]
        public void WindowCount_ForKnownStride()
        {
            var d = FromTexts(new TileWindowOptions { WindowWidth = 28, Stride = 4 }, ("a.txt", Level(14, 40)), ("b.txt", Level(14, 28)));
            Assert.That(d.Windows, Has.Count.EqualTo(4 + 1)); // offsets 0,4,8,12 and 0.
            var tall = FromTexts(new TileWindowOptions { WindowHeight = 10, WindowWidth = 10, Stride = 2 }, ("t.txt", Level(14, 14)));
            Assert.That(tall.Windows, Has.Count.EqualTo(3 * 3));
        }

        [Test]
        public void OneHot_SumsToOnePerCellAndMarksTheTile()
        {
            TileLevelDataset mario = LevelTestData.Mario;
            float[] oneHot = mario.ToOneHotPlanar();
            int t = mario.TileCount, plane = 14 * 28;
            Assert.That(oneHot.Length, Is.EqualTo(mario.Windows.Count * t * plane));
            for (int n = 0; n < mario.Windows.Count; n += 97)
                for (int cell = 0; cell < plane; cell++)
                {
                    float sum = 0;
                    for (int c = 0; c < t; c++) sum += oneHot[(n * t + c) * plane + cell];
                    Assert.That(sum, Is.EqualTo(1f));
                    Assert.That(oneHot[(n * t + mario.Windows[n].Cells[cell]) * plane + cell], Is.EqualTo(1f));
                }
        }

        [Test]
        public void UnknownCharacter_NamesFileLineAndColumn()
        {
            var e = Assert.Throws<DataLoadException>(() => FromTexts(new TileWindowOptions(), ("bad.txt", "----\n--Q-\n")))!;
            Assert.That(e.Message, Does.Contain("bad.txt").And.Contain("line 2").And.Contain("column 3").And.Contain("'Q'").And.Contain("small.json"));
        }

        [Test]
        public void UnknownCharacterInFolder_NamesTheFile()
        {
            using var scratch = new ScratchFolder();
            string legend = scratch.Write("legend.json", Encoding.UTF8.GetBytes(Legend));
            scratch.Write("levels/ok.txt", Encoding.UTF8.GetBytes(Level(4, 30)));
            scratch.Write("levels/zz.txt", Encoding.UTF8.GetBytes("------------------------------\n-------------------------?----\n"));
            var options = new TileWindowOptions { WindowWidth = 28 };
            var e = Assert.Throws<DataLoadException>(() => TileLevelDataset.LoadFolder(Path.Combine(scratch.Path, "levels"), legend, options))!;
            Assert.That(e.Message, Does.Contain("zz.txt").And.Contain("line 2, column 26"));

            options.SkipBadFiles = true;
            var d = TileLevelDataset.LoadFolder(Path.Combine(scratch.Path, "levels"), legend, options);
            Assert.That(d.Levels, Has.Count.EqualTo(1));
            Assert.That(d.SkippedFiles.Single().File, Is.EqualTo("zz.txt"));
        }

        [Test]
        public void RaggedRows_AreRejectedWithTheLine()
        {
            var e = Assert.Throws<DataLoadException>(() => FromTexts(new TileWindowOptions(), ("ragged.txt", "------\n-----\n")))!;
            Assert.That(e.Message, Does.Contain("ragged.txt").And.Contain("line 2"));
        }

        [Test]
        public void TooShortLevel_IsRejected()
        {
            var e = Assert.Throws<DataLoadException>(() => FromTexts(new TileWindowOptions { WindowWidth = 28 }, ("short.txt", Level(14, 27))))!;
            Assert.That(e.Message, Does.Contain("short.txt").And.Contain("27"));
        }

        [Test]
        public void MissingOrMalformedLegend_NamesTheFile()
        {
            using var scratch = new ScratchFolder();
            string missing = Path.Combine(scratch.Path, "nope.json");
            var e = Assert.Throws<DataLoadException>(() => TileLevelDataset.LoadFolder(scratch.Path, missing, new TileWindowOptions()))!;
            Assert.That(e.Message, Does.Contain("nope.json"));
            var bad = Assert.Throws<DataLoadException>(() => VglcLegend.Parse("{\"tiles\": [1]}", "broken.json"))!;
            Assert.That(bad.Message, Does.Contain("broken.json"));
            Assert.Throws<DataLoadException>(() => VglcLegend.Parse("{not json", "broken.json"));
        }

        [Test]
        public void Split_IsDeterministicDisjointAndByLevel()
        {
            var (train, test) = LevelTestData.Mario.Split(0.2, 11);
            var (train2, test2) = LevelTestData.Mario.Split(0.2, 11);
            Assert.That(test.LevelNames, Has.Count.EqualTo(3));
            Assert.That(test.LevelNames, Is.EqualTo(test2.LevelNames));
            Assert.That(train.Fingerprint, Is.EqualTo(train2.Fingerprint));
            Assert.That(train.LevelNames.Intersect(test.LevelNames), Is.Empty);
            Assert.That(train.Levels.Count + test.Levels.Count, Is.EqualTo(15));
            Assert.That(train.Windows.Count + test.Windows.Count, Is.EqualTo(2518));
            Assert.That(LevelTestData.Mario.Split(0.2, 12).Test.LevelNames, Is.Not.EqualTo(test.LevelNames));
        }
    }
}
