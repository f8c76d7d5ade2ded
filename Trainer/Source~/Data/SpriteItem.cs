using System;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Trainer.Data
{
    /// <summary>One loaded sprite at model size.</summary>
    public sealed class SpriteItem
    {
        /// <summary>Creates an item.</summary>
        /// <param name="sourceName">Path relative to the data root, '/' separated.</param>
        /// <param name="label">First sub-folder under the data root, or "" for files directly in the root.</param>
        /// <param name="image">The sprite, already fitted to the model size.</param>
        public SpriteItem(string sourceName, string label, RgbaImage image)
        {
            SourceName = sourceName ?? throw new ArgumentNullException(nameof(sourceName));
            Label = label ?? throw new ArgumentNullException(nameof(label));
            Image = image ?? throw new ArgumentNullException(nameof(image));
        }

        /// <summary>Path relative to the data root with '/' separators, e.g. "potion/ruby.png".</summary>
        public string SourceName { get; }

        /// <summary>First sub-folder name under the data root; "" for files directly in the root.</summary>
        public string Label { get; }

        /// <summary>The sprite at model size, straight-alpha RGBA.</summary>
        public RgbaImage Image { get; }

        /// <summary>The label of a '/'-separated relative path: its first folder, or "" when it has none.</summary>
        public static string LabelOf(string relativePath)
        {
            ArgumentNullException.ThrowIfNull(relativePath);
            int slash = relativePath.IndexOf('/');
            return slash < 0 ? "" : relativePath.Substring(0, slash);
        }
    }
}
