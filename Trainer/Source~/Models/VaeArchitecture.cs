using System;

namespace VaeProcgen.Trainer.Models
{
    /// <summary>
    /// Everything needed to rebuild a model with identical layers: data shape, preset, latent size and
    /// optional class-label conditioning. Stored in checkpoints and used by the exporter.
    /// </summary>
    public sealed class VaeArchitecture
    {
        /// <summary>Creates an architecture description.</summary>
        public VaeArchitecture(VaeShape shape, VaePreset preset, int latentSize, int labelCount)
        {
            if (latentSize < 1 || latentSize > 4096)
            {
                throw new ArgumentOutOfRangeException(nameof(latentSize), latentSize, "Latent size must be between 1 and 4096.");
            }
            Shape = shape;
            Preset = preset;
            LatentSize = latentSize;
            LabelCount = labelCount;
        }

        /// <summary>Data shape.</summary>
        public VaeShape Shape { get; }
        /// <summary>Channel widths.</summary>
        public VaePreset Preset { get; }
        /// <summary>Latent size K.</summary>
        public int LatentSize { get; }
        /// <summary>Number of class labels fed to encoder and decoder; 0 for an unconditional model.</summary>
        public int LabelCount { get; }
        /// <summary>True when the model takes a one-hot label.</summary>
        public bool IsConditional => LabelCount > 0;
        /// <summary>Height of the innermost feature map.</summary>
        public int InnerHeight => Shape.PaddedHeight / 8;
        /// <summary>Width of the innermost feature map.</summary>
        public int InnerWidth => Shape.PaddedWidth / 8;
        /// <summary>Channels of the innermost feature map.</summary>
        public int InnerChannels => Preset.StageChannels[2];
        /// <summary>Values in the flattened innermost feature map.</summary>
        public int InnerSize => InnerChannels * InnerHeight * InnerWidth;

        /// <summary>
        /// Decoder multiply-accumulates per item: dense layer, the three transposed convolutions and the
        /// output convolution (each MAC is 2 FLOPs).
        /// </summary>
        public long DecoderMacsPerItem
        {
            get
            {
                int[] c = { Preset.StageChannels[2], Preset.StageChannels[1], Preset.StageChannels[0], Preset.RefineChannels };
                long macs = (long)(LatentSize + LabelCount) * InnerSize;
                int h = InnerHeight, w = InnerWidth;
                for (int stage = 0; stage < 3; stage++)
                {
                    macs += (long)h * w * c[stage] * c[stage + 1] * 16;
                    h *= 2;
                    w *= 2;
                }
                macs += (long)h * w * Preset.RefineChannels * Shape.Channels * 9;
                return macs;
            }
        }
    }
}
