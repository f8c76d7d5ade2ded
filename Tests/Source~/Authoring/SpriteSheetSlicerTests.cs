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
        public void AutoSlicingTheDcssSheetGivesDisjointBoxesWithinTheMinimumSize()
        {
            RgbaImage sheet = Sheet();
            var boxes = SpriteSheetSlicer.Auto(sheet, minSize: 8);
            int big = boxes.Count(b => b.Width > 48 || b.Height > 48);
            TestContext.Out.WriteLine($"auto slicing of the packed sheet: {boxes.Count} boxes, {big} larger than 48 px");
            // The sheet packs 32x32 sprites edge to edge, so touching neighbours join into bands: measured 83 boxes.
            Assert.That(boxes.Count, Is.InRange(40, 400));
            AssertValid(boxes, sheet, 8);
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
            var boxes = SpriteSheetSlicer.Auto(packed, minSize: 8);
            TestContext.Out.WriteLine($"auto slicing of {cells.Count} sprites with 8 px gutters: {boxes.Count} boxes");
            AssertValid(boxes, packed, 8);
            foreach (SheetRect b in boxes)
            {
                Assert.That(b.X / slot == (b.Right - 1) / slot && b.Y / slot == (b.Bottom - 1) / slot, Is.True, $"{b} spans two sprites");
            }
            int slotsHit = boxes.Select(b => (b.X / slot, b.Y / slot)).Distinct().Count();
            Assert.That(slotsHit, Is.GreaterThanOrEqualTo(cells.Count * 9 / 10));
            // Measured 173 boxes for 120 sprites: some sprites have separate parts (sparkles, pairs), each its own box.
            Assert.That(boxes.Count, Is.LessThanOrEqualTo(cells.Count * 2));
        }

        private static void AssertValid(System.Collections.Generic.List<SheetRect> boxes, RgbaImage sheet, int minSize)
        {
            foreach (SheetRect b in boxes)
            {
                Assert.That(b.Width >= minSize && b.Height >= minSize, Is.True, b.ToString());
                Assert.That(b.X >= 0 && b.Y >= 0 && b.Right <= sheet.Width && b.Bottom <= sheet.Height, Is.True, b.ToString());
            }
            for (int i = 0; i < boxes.Count; i++)
                for (int j = i + 1; j < boxes.Count; j++)
                    Assert.That(boxes[i].Overlaps(boxes[j]), Is.False, $"{boxes[i]} overlaps {boxes[j]}");
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
        public void EightConnectedPixelsFormOneComponentAndOverlappingBoxesMerge()
        {
            var image = new RgbaImage(20, 20);
            void Set(int x, int y) => image.Pixels[image.OffsetOf(x, y) + 3] = 255;
            for (int i = 0; i < 10; i++) Set(i, i);           // a diagonal line: one 8-connected component
            Set(15, 15); Set(16, 16);                        // a tiny blob: filtered by min size
            var boxes = SpriteSheetSlicer.Auto(image, minSize: 3);
            Assert.That(boxes, Is.EqualTo(new[] { new SheetRect(0, 0, 10, 10) }));
            var merged = SpriteSheetSlicer.MergeOverlapping(new[] { new SheetRect(0, 0, 5, 5), new SheetRect(4, 4, 5, 5), new SheetRect(20, 20, 2, 2) });
            Assert.That(merged, Is.EquivalentTo(new[] { new SheetRect(0, 0, 9, 9), new SheetRect(20, 20, 2, 2) }));
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
