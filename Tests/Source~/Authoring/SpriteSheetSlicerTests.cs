using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Tests.Authoring
{
    public class SpriteSheetSlicerTests
    {
        private static RgbaImage Sheet() =>
            PngCodec.Decode(File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "sheets", "dcss-main-sheet.png")), "dcss-main-sheet.png");

        [Test]
        public void AutoSlicingCutsTheEdgeToEdgeDcssSheetIntoWholeSprites()
        {
            RgbaImage sheet = Sheet();
            int opaque = CountOpaque(sheet);
            // Without a size limit, touching neighbours join into bands (measured: 83 sprites).
            var bands = SpriteSheetSlicer.Auto(sheet, minSize: 8);
            int inBands = bands.Where(s => s.Box.Width > 48 || s.Box.Height > 48).Sum(s => CountOpaque(s.Image));
            TestContext.Out.WriteLine($"auto slicing without a size limit: {bands.Count} sprites; those over 48 px hold {inBands} of {opaque} opaque pixels");
            Assert.That(inBands, Is.GreaterThan(opaque / 2));
            AssertValid(bands, sheet, 8, int.MaxValue);

            var sprites = SpriteSheetSlicer.Auto(sheet, minSize: 8, maxSize: 32);
            int kept = sprites.Sum(s => CountOpaque(s.Image));
            TestContext.Out.WriteLine($"auto slicing with --max-size 32: {sprites.Count} sprites holding {kept} of {opaque} opaque pixels");
            // The sheet packs sprites of up to 32 px in 32-pixel rows; measured: 1,334 sprites holding 99.4% of the opaque
            // pixels (a contact sheet of the result shows whole items; a few amulet chains come apart from their pendants).
            Assert.That(sprites.Count, Is.InRange(1000, 2000));
            Assert.That(kept, Is.GreaterThan(opaque * 95 / 100));
            AssertValid(sprites, sheet, 8, 32);
        }

        [Test]
        public void TwoSpritesTouchingEdgeToEdgeAreCutAtTheirThinnestColumn()
        {
            var image = new RgbaImage(30, 12);
            void Set(int x, int y) => image.Pixels[image.OffsetOf(x, y) + 3] = 255;
            for (int y = 1; y < 11; y++)
            {
                for (int x = 0; x < 10; x++)
                {
                    Set(x, y);
                    if (y > 3 || x < 6) Set(x + 12, y);   // the second square has an empty 4x3 notch at its top right
                }
            }
            Set(10, 5); Set(11, 5);                        // a one-pixel bridge: the thinnest columns
            Set(19, 2); Set(20, 2);                        // a detached sparkle in the notch
            var whole = SpriteSheetSlicer.Auto(image, minSize: 3);
            Assert.That(whole.Select(s => s.Box), Is.EqualTo(new[] { new SheetRect(0, 1, 22, 10) }));
            var cut = SpriteSheetSlicer.Auto(image, minSize: 3, maxSize: 16);
            Assert.That(cut.Select(s => s.Box), Is.EqualTo(new[] { new SheetRect(0, 1, 11, 10), new SheetRect(11, 1, 11, 10) }));
            Assert.That(CountOpaque(cut[0].Image), Is.EqualTo(100 + 1));
            Assert.That(CountOpaque(cut[1].Image), Is.EqualTo(100 - 12 + 1 + 2));
        }

        [Test]
        public void AutoSlicingRecoversSpritesRepackedWithGutters()
        {
            RgbaImage sheet = Sheet();
            var cells = SpriteSheetSlicer.Grid(sheet, 32, 32).Take(120).ToList();
            const int slot = 40, columns = 12;
            var packed = new RgbaImage(columns * slot, (cells.Count + columns - 1) / columns * slot);
            for (int i = 0; i < cells.Count; i++)
            {
                RgbaImage sprite = SpriteSheetSlicer.Crop(sheet, cells[i]);
                for (int y = 0; y < 32; y++)
                    System.Buffer.BlockCopy(sprite.Pixels, sprite.OffsetOf(0, y), packed.Pixels, packed.OffsetOf(i % columns * slot + 4, i / columns * slot + 4 + y), 32 * 4);
            }
            var sprites = SpriteSheetSlicer.Auto(packed, minSize: 8);
            TestContext.Out.WriteLine($"auto slicing of {cells.Count} sprites with 8 px gutters: {sprites.Count} sprites");
            AssertValid(sprites, packed, 8, int.MaxValue);
            foreach (SheetRect b in sprites.Select(s => s.Box))
            {
                Assert.That(b.X / slot == (b.Right - 1) / slot && b.Y / slot == (b.Bottom - 1) / slot, Is.True, $"{b} spans two sprites");
            }
            int slotsHit = sprites.Select(s => (s.Box.X / slot, s.Box.Y / slot)).Distinct().Count();
            Assert.That(slotsHit, Is.GreaterThanOrEqualTo(cells.Count * 9 / 10));
            // Measured 173 boxes for 120 sprites: some sprites have separate parts (sparkles, pairs), each its own box.
            Assert.That(sprites.Count, Is.LessThanOrEqualTo(cells.Count * 2));
        }

        /// <summary>Every sprite within the size limits, inside the sheet, showing only sheet pixels, and no opaque sheet pixel in two sprites.</summary>
        private static void AssertValid(System.Collections.Generic.List<SheetSprite> sprites, RgbaImage sheet, int minSize, int maxSize)
        {
            var owner = new int[sheet.Width * sheet.Height];
            for (int i = 0; i < sprites.Count; i++)
            {
                SheetRect b = sprites[i].Box;
                Assert.That(b.Width >= minSize && b.Height >= minSize && b.Width <= maxSize && b.Height <= maxSize, Is.True, b.ToString());
                Assert.That(b.X >= 0 && b.Y >= 0 && b.Right <= sheet.Width && b.Bottom <= sheet.Height, Is.True, b.ToString());
                RgbaImage image = sprites[i].Image;
                for (int y = 0; y < b.Height; y++)
                {
                    for (int x = 0; x < b.Width; x++)
                    {
                        int o = image.OffsetOf(x, y);
                        if (image.Pixels[o + 3] == 0) continue;
                        int s = sheet.OffsetOf(b.X + x, b.Y + y);
                        Assert.That(image.Pixels.AsSpan(o, 4).SequenceEqual(sheet.Pixels.AsSpan(s, 4)), Is.True, $"{b} changes pixel ({x}, {y})");
                        Assert.That(owner[s / 4], Is.Zero, $"{b} and sprite {owner[s / 4] - 1} share a pixel");
                        owner[s / 4] = i + 1;
                    }
                }
            }
        }

        private static int CountOpaque(RgbaImage image)
        {
            int count = 0;
            for (int p = 3; p < image.Pixels.Length; p += 4) count += image.Pixels[p] > 0 ? 1 : 0;
            return count;
        }

        [Test]
        public void GridSlicingSkipsEmptyCellsAndHonoursSpacingAndMargin()
        {
            RgbaImage sheet = Sheet();
            var cells = SpriteSheetSlicer.Grid(sheet, 32, 32);
            Assert.That(cells.Count, Is.InRange(500, 32 * 31));
            Assert.That(cells.All(c => c.Width == 32 && c.Height == 32 && c.X % 32 == 0 && c.Y % 32 == 0), Is.True);

            var small = new RgbaImage(11, 7);
            var all = SpriteSheetSlicer.Grid(small, 3, 2, spacing: 1, margin: 1, keepEmpty: true);
            Assert.That(all.Select(c => (c.X, c.Y)), Is.EqualTo(new[] { (1, 1), (5, 1), (1, 4), (5, 4) }));
            Assert.That(SpriteSheetSlicer.Grid(small, 3, 2, 1, 1), Is.Empty);
        }

        [Test]
        public void EightConnectedPixelsFormOneSpriteAndSmallOnesAreDropped()
        {
            var image = new RgbaImage(20, 20);
            void Set(int x, int y) => image.Pixels[image.OffsetOf(x, y) + 3] = 255;
            for (int i = 0; i < 10; i++) Set(i, i);           // a diagonal line: one 8-connected component
            Set(15, 15); Set(16, 16);                        // a tiny blob: filtered by min size
            var sprites = SpriteSheetSlicer.Auto(image, minSize: 3);
            Assert.That(sprites.Select(s => s.Box), Is.EqualTo(new[] { new SheetRect(0, 0, 10, 10) }));
        }

        [Test]
        public void SheetSlicesBecomeATrainingDataset()
        {
            RgbaImage sheet = Sheet();
            var boxes = SpriteSheetSlicer.Grid(sheet, 32, 32).Take(20).ToList();
            var set = SpriteDataset.FromImages(boxes.Select(b => ($"{b.X}_{b.Y}", SpriteSheetSlicer.Crop(sheet, b))), new SpriteLoadOptions { Width = 16, Height = 16 });
            Assert.That(set.Count, Is.EqualTo(20));
            Assert.That(set.Items.All(i => i.Image.Width == 16 && i.Image.Height == 16), Is.True);
        }
    }
}
