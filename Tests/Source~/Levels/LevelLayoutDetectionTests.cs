using System.Linq;
using NUnit.Framework;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Generation.Tiles;
using VaeProcgen.Trainer.Data.Levels;

namespace VaeProcgen.Tests.Levels
{
    /// <summary>The layout of the embedded VGLC games is read from their level sizes, with no layout options.</summary>
    [TestFixture]
    public class LevelLayoutDetectionTests
    {
        [TestCase("vglc-super-mario-bros", LevelLayout.Horizontal, 14, 28)]
        [TestCase("vglc-kid-icarus", LevelLayout.Vertical, 16, 16)]
        [TestCase("vglc-lode-runner", LevelLayout.Room, 22, 32)]
        public void EmbeddedGameIsLoadedWithItsLayout(string game, LevelLayout expected, int windowHeight, int windowWidth)
        {
            var options = new TileWindowOptions { WindowWidth = 28, WindowHeight = 16, DetectLayout = true };
            TileLevelDataset levels = TileLevelDataset.LoadEmbedded(options, game);
            Assert.That(levels.Layout, Is.EqualTo(expected));
            Assert.That(levels.WindowHeight, Is.EqualTo(windowHeight));
            Assert.That(levels.WindowWidth, Is.EqualTo(windowWidth));
            Assert.That((options.Layout, options.DetectLayout, options.WindowHeight), Is.EqualTo((LevelLayout.Horizontal, true, (int?)16)),
                "the caller's options are not changed by loading");
        }

        [Test]
        public void LevelsOfMixedSizesGiveOneSentenceNamingTheSizes()
        {
            var legend = VglcLegend.Parse("{\"tiles\": {\"X\": [\"solid\"], \"-\": [\"passable\", \"empty\"]}}", "mixed.json");
            string Room(int rows, int columns) => string.Join("\n", Enumerable.Repeat(new string('-', columns), rows - 1).Append(new string('X', columns)));
            var texts = new[] { ("a.txt", Room(12, 16)), ("b.txt", Room(11, 16)), ("c.txt", Room(12, 16)) };
            var options = new TileWindowOptions { WindowWidth = 8, WindowHeight = 16, DetectLayout = true };
            var error = Assert.Throws<DataLoadException>(() => TileLevelDataset.FromTexts(texts, legend, "mixed.json", "{}", options));
            Assert.That(error!.Message, Does.Contain("'b.txt' is 11 x 16 tiles"));
            Assert.That(error.Message, Does.Contain("the levels mix sizes (12 x 16, 11 x 16)"));
        }

        [Test]
        public void GivenLayoutIsKeptWhenDetectionIsOff()
        {
            var options = new TileWindowOptions { WindowWidth = 16, Layout = LevelLayout.Horizontal };
            TileLevelDataset rooms = TileLevelDataset.LoadEmbedded(options, "vglc-lode-runner");
            Assert.That(rooms.Layout, Is.EqualTo(LevelLayout.Horizontal));
            Assert.That(rooms.WindowWidth, Is.EqualTo(16));
        }
    }
}
