using NUnit.Framework;
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
