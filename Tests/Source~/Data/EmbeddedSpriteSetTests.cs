using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Trainer.Data;

namespace VaeProcgen.Tests.Data
{
    [TestFixture]
    public class EmbeddedSpriteSetTests
    {
        private SpriteDataset _dataset = null!;

        [OneTimeSetUp]
        public void Load() => _dataset = SpriteDataset.LoadEmbedded(new SpriteLoadOptions());

        [Test]
        public void All961SpritesLoad_WithElevenLabels()
        {
            Assert.That(_dataset.Count, Is.EqualTo(961));
            Assert.That(_dataset.SkippedFiles, Is.Empty);
            Assert.That(_dataset.Labels, Is.EqualTo(new[]
                { "amulet", "armour", "book", "food", "misc", "potion", "ring", "scroll", "staff", "wand", "weapon" }));
            Assert.That((_dataset.Width, _dataset.Height), Is.EqualTo((32, 32)));
            Assert.That(_dataset.Items.All(i => i.Image.Width == 32 && i.Image.Height == 32));
        }

        [Test]
        public void CountsPerLabel()
        {
            var counts = _dataset.Items.GroupBy(i => i.Label).ToDictionary(g => g.Key, g => g.Count());
            Assert.That(counts, Is.EqualTo(new Dictionary<string, int>
            {
                ["amulet"] = 62, ["armour"] = 233, ["book"] = 38, ["food"] = 32, ["misc"] = 78, ["potion"] = 56,
                ["ring"] = 72, ["scroll"] = 35, ["staff"] = 30, ["wand"] = 35, ["weapon"] = 290,
            }));
        }

        [Test]
        public void Items_AreOrdinalSortedRelativePaths_WithLabelFromFolder()
        {
            var names = _dataset.Items.Select(i => i.SourceName).ToList();
            Assert.That(names, Is.Ordered.Using((System.Collections.Generic.IComparer<string>)System.StringComparer.Ordinal));
            Assert.That(_dataset.Items.All(i => i.SourceName.StartsWith(i.Label + "/") && i.SourceName.EndsWith(".png")));
        }

        [Test]
        public void TransparentPixels_HaveZeroRgb()
        {
            foreach (var item in _dataset.Items)
            {
                var p = item.Image.Pixels;
                for (int i = 0; i < p.Length; i += 4)
                {
                    if (p[i + 3] == 0 && (p[i] | p[i + 1] | p[i + 2]) != 0)
                    {
                        Assert.Fail($"{item.SourceName} pixel {i / 4}");
                    }
                }
            }
            Assert.Pass();
        }

        [Test]
        public void LabelIndices_PointAtEachItemsLabel()
        {
            var indices = _dataset.LabelIndices();
            Assert.That(indices, Has.Length.EqualTo(961));
            for (int i = 0; i < indices.Length; i++)
            {
                Assert.That(_dataset.Labels[indices[i]], Is.EqualTo(_dataset.Items[i].Label));
            }
        }

        [Test]
        public void ToPlanarFloats_IsNx4xHxW()
        {
            float[] floats = _dataset.ToPlanarFloats();
            Assert.That(floats, Has.Length.EqualTo(961 * 4 * 32 * 32));
            var item = _dataset.Items[5];
            int baseIndex = 5 * 4 * 32 * 32;
            foreach (var (x, y) in new[] { (0, 0), (16, 16), (31, 7) })
            {
                int o = item.Image.OffsetOf(x, y);
                for (int c = 0; c < 4; c++)
                {
                    Assert.That(floats[baseIndex + c * 1024 + y * 32 + x], Is.EqualTo(item.Image.Pixels[o + c] / 255f));
                }
            }
            Assert.That(floats.All(f => f >= 0f && f <= 1f));
        }

        [Test]
        public void Fingerprint_IsStableAndMatchesExtractedFolder()
        {
            Assert.That(_dataset.Fingerprint, Does.Match("^[0-9a-f]{64}$"));
            Assert.That(SpriteDataset.LoadEmbedded(new SpriteLoadOptions()).Fingerprint, Is.EqualTo(_dataset.Fingerprint));

            using var scratch = new ScratchFolder();
            string root = EmbeddedData.ExtractTo(Path.Combine(scratch.Path, "dcss"));
            Assert.That(Directory.GetFiles(root, "*.png", SearchOption.AllDirectories), Has.Length.EqualTo(961));
            var fromFolder = SpriteDataset.LoadFolder(root, new SpriteLoadOptions());
            Assert.That(fromFolder.Fingerprint, Is.EqualTo(_dataset.Fingerprint));

            var other = SpriteDataset.LoadEmbedded(new SpriteLoadOptions { Width = 16, Height = 16 });
            Assert.That(other.Fingerprint, Is.Not.EqualTo(_dataset.Fingerprint));
        }
    }
}
