using System.Collections.Generic;
using System.IO;
using NUnit.Framework;
using VaeProcgen.Contract;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Trainer.Data.Levels;

namespace VaeProcgen.Tests.Reliability
{
    /// <summary>Bad VGLC levels and legends fail with a <see cref="DataLoadException"/> that names the file (and line/column).</summary>
    [TestFixture]
    public class BadLevelDataTests
    {
        private static IReadOnlyList<TileLegendEntry> Legend => VglcLegend.Parse("{\"tiles\": {\"-\": [\"empty\"], \"X\": [\"solid\"]}}", "legend.json");

        private static TileLevelDataset Load(string text, bool skip = false) =>
            TileLevelDataset.FromTexts(new[] { ("good.txt", "--XX\n--XX\n"), ("level-7.txt", text) }, Legend, "legend.json", "{}",
                new TileWindowOptions { WindowWidth = 2, Stride = 1, SkipBadFiles = skip });

        [Test]
        public void UnknownCharacter_NamesFileLineAndColumn()
        {
            var e = Assert.Throws<DataLoadException>(() => Load("--XX\n-?XX\n"));
            Assert.That(e!.Message, Does.Contain("level-7.txt").And.Contain("line 2").And.Contain("column 2").And.Contain("legend.json"));
        }

        [Test]
        public void RaggedRows_NameFileAndLine()
        {
            var e = Assert.Throws<DataLoadException>(() => Load("--XX\n--X\n"));
            Assert.That(e!.Message, Does.Contain("level-7.txt").And.Contain("line 2"));
        }

        [Test]
        public void SkipBadFiles_KeepsGoodLevelsAndRecordsTheBadOne()
        {
            TileLevelDataset data = Load("--XX\n-?XX\n", skip: true);
            Assert.That(data.Levels.Count, Is.EqualTo(1));
            Assert.That(data.SkippedFiles.Count, Is.EqualTo(1));
            Assert.That(data.SkippedFiles[0].File, Is.EqualTo("level-7.txt"));
        }

        [Test]
        public void MissingLegend_NamesTheLegendPath()
        {
            using var folder = new ScratchFolder();
            folder.Write("levels/a.txt", System.Text.Encoding.UTF8.GetBytes("--\n"));
            string legend = Path.Combine(folder.Path, "missing-legend.json");
            var e = Assert.Throws<DataLoadException>(() => TileLevelDataset.LoadFolder(Path.Combine(folder.Path, "levels"), legend, new TileWindowOptions { WindowWidth = 2 }));
            Assert.That(e!.Message, Does.Contain("missing-legend.json"));
        }

        [TestCase("not json", "not valid JSON")]
        [TestCase("{\"tiles\": {\"ab\": [\"x\"]}}", "exactly one character")]
        [TestCase("{\"tiles\": {}}", "lists no tiles")]
        [TestCase("[]", "\"tiles\"")]
        public void BrokenLegend_NamesTheLegend(string json, string expected)
        {
            var e = Assert.Throws<DataLoadException>(() => VglcLegend.Parse(json, "smb-legend.json"));
            Assert.That(e!.Message, Does.Contain("smb-legend.json").And.Contain(expected));
        }
    }
}
