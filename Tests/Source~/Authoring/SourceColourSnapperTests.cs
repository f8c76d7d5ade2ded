using System;
using NUnit.Framework;
using VaeProcgen.Authoring;

namespace VaeProcgen.Tests.Authoring
{
    public class SourceColourSnapperTests
    {
        private static readonly byte[] Red = { 255, 0, 0, 255 };
        private static readonly byte[] Blue = { 0, 0, 255, 255 };
        private static readonly byte[] Clear = { 0, 0, 0, 0 };

        private static byte[] Row(params byte[][] pixels)
        {
            var row = new byte[pixels.Length * 4];
            for (int i = 0; i < pixels.Length; i++) pixels[i].CopyTo(row, i * 4);
            return row;
        }

        private static byte[] Purple(int count)
        {
            var row = new byte[count * 4];
            for (int i = 0; i < count; i++) Row(new byte[] { 128, 0, 128, 200 }).CopyTo(row, i * 4);
            return row;
        }

        [Test]
        public void EachPixelTakesTheNearestOfTheSourcesColoursNearTheSamePlace()
        {
            byte[] source = Row(Red, Red, Red, Red, Blue, Blue, Blue, Blue);
            byte[] local = Purple(8);
            SourceColourSnapper.ForSprite(source, 8, 1, radius: 1)!.Snap(local);
            Assert.That(local, Is.EqualTo(Row(Red, Red, Red, Blue, Blue, Blue, Blue, Blue)), "within one pixel the first three see only red; the rest see blue, which is nearer to purple");

            byte[] global = Purple(8);
            SourceColourSnapper.ForSprite(source, 8, 1, radius: 8)!.Snap(global);
            Assert.That(global, Is.EqualTo(Row(Blue, Blue, Blue, Blue, Blue, Blue, Blue, Blue)), "offered both, every purple pixel takes the nearer blue");
        }

        [Test]
        public void TransparentPixelsAreNoColourAndTheWindowGrowsUntilItFindsOne()
        {
            byte[] source = Row(Red, new byte[] { 0, 0, 255, 127 }, Clear, Clear, Clear, Clear);
            SourceColourSnapper snapper = SourceColourSnapper.ForSprite(source, 6, 1, radius: 1)!;
            Assert.That(snapper.Count, Is.EqualTo(1), "the faint blue is below the alpha threshold");
            byte[] variation = Row(Blue, Blue, new byte[] { 0, 0, 255, 127 }, Blue, Blue, Blue);
            snapper.Snap(variation);
            Assert.That(variation, Is.EqualTo(Row(Red, Red, Clear, Red, Red, Red)));
        }

        [Test]
        public void TransparentSourceHasNoSnapperAndBadSizesAreRefused()
        {
            Assert.That(SourceColourSnapper.ForSprite(Row(Clear, new byte[] { 9, 9, 9, 127 }), 2, 1), Is.Null);
            Assert.Throws<ArgumentException>(() => SourceColourSnapper.ForSprite(Row(Red, Red), 3, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => SourceColourSnapper.ForSprite(Row(Red, Red), 2, 1, radius: -1));
            Assert.Throws<ArgumentOutOfRangeException>(() => SourceColourSnapper.ForSprite(Array.Empty<byte>(), 0, 1));
            SourceColourSnapper snapper = SourceColourSnapper.ForSprite(Row(Red, Red), 2, 1)!;
            Assert.Throws<ArgumentException>(() => snapper.Snap(new byte[12]));
        }
    }
}
