using System;
using System.Collections.Generic;
using System.Linq;

namespace VaeProcgen.Trainer.Models
{
    /// <summary>
    /// A named model size: channel widths of the three stride-2 stages (encoder widths grow, decoder widths
    /// shrink in mirror) and the width of the full-resolution refinement stage of the decoder.
    /// </summary>
    public sealed class VaePreset
    {
        private VaePreset(string name, int[] stageChannels, int refineChannels, string summary)
        {
            Name = name;
            StageChannels = stageChannels;
            RefineChannels = refineChannels;
            Summary = summary;
        }

        /// <summary>Preset name as typed on the command line.</summary>
        public string Name { get; }
        /// <summary>Channels after each encoder stage (32->16->8->4 pixels for a 32x32 sprite).</summary>
        public IReadOnlyList<int> StageChannels { get; }
        /// <summary>Channels of the decoder's last (full-resolution) stage.</summary>
        public int RefineChannels { get; }
        /// <summary>One line for help text.</summary>
        public string Summary { get; }

        /// <summary>Smallest model: fast tests and weak machines.</summary>
        public static VaePreset Tiny { get; } = new VaePreset("tiny", new[] { 16, 32, 64 }, 16, "fast tests and previews");
        /// <summary>Mid-size model.</summary>
        public static VaePreset Small { get; } = new VaePreset("small", new[] { 32, 64, 128 }, 32, "quick training");
        /// <summary>The default model: the quality the README quotes.</summary>
        public static VaePreset Base { get; } = new VaePreset("base", new[] { 64, 128, 256 }, 64, "default quality");

        /// <summary>All presets, smallest first.</summary>
        public static IReadOnlyList<VaePreset> All { get; } = new[] { Tiny, Small, Base };

        /// <summary>Finds a preset by name or throws a user error listing the known names.</summary>
        public static VaePreset Parse(string name)
        {
            VaePreset? preset = All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (preset == null)
            {
                throw new ArgumentException($"Unknown preset '{name}'; use one of: {string.Join(", ", All.Select(p => p.Name))}.", nameof(name));
            }
            return preset;
        }
    }
}
