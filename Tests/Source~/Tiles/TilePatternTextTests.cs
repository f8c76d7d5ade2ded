using NUnit.Framework;
using VaeProcgen.Generation.Tiles;
using VaeProcgen.Tests.Levels;

namespace VaeProcgen.Tests.Tiles
{
    /// <summary>The compact contract form of 2x2 tile patterns.</summary>
    [TestFixture]
    public sealed class TilePatternTextTests
    {
        [Test]
        public void RoundTripsTheMarioPatterns()
        {
            var patterns = new TilePatternSet(LevelTestData.Mario.Levels, 2);
            string text = TilePatternText.Format(patterns, LevelTestData.Mario.Legend);
            Assert.That(text.Length, Is.EqualTo(4 * patterns.Count));
            TilePatternSet? parsed = TilePatternText.Parse(text, LevelTestData.Mario.Legend);
            Assert.That(parsed, Is.Not.Null);
            Assert.That(parsed!.Count, Is.EqualTo(patterns.Count));
            foreach (TileGrid level in LevelTestData.Mario.Levels) Assert.That(parsed.CountUnseen(level), Is.Zero);
        }

        [Test]
        public void RejectsBadText()
        {
            Assert.That(TilePatternText.Parse("XX-", LevelTestData.Mario.Legend), Is.Null);
            Assert.That(TilePatternText.Parse("XX-Z", LevelTestData.Mario.Legend), Is.Null);
        }
    }
}
