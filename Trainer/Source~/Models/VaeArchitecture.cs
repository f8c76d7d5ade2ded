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
        public VaeArchitecture(VaeShape shape, VaePreset preset, int latentSize, int labelCount, bool paletteSprite = false)
        {
            PaletteSprite = paletteSprite;
            if (latentSize < 1 || latentSize > 4096)
            {
                throw new ArgumentOutOfRangeException(nameof(latentSize), latentSize, "Latent size must be between 1 and 4096.");
            }
            Shape = shape;
            Preset = preset;
            LatentSize = latentSize;
            LabelCount = labelCount;
        }

        /// <summary>Channels the encoder of a palette sprite model embeds its one-hot palette input into (a 1x1 convolution).</summary>
        public const int PaletteEmbeddingChannels = 8;

        /// <summary>
        /// A palette sprite model (one channel per palette colour): the encoder starts with a 1x1 convolution embedding the
        /// one-hot input into <see cref="PaletteEmbeddingChannels"/> channels, and the decoder's output convolution is 1x1, so
        /// the cost of many channels stays small (measured: with a 3x3 output and no embedding, 64 colours made training ~4x slower).
        /// </summary>
        public bool PaletteSprite { get; }
        /// <summary>Kernel size of the decoder's output convolution: 1 for palette sprites, else 3.</summary>
        public int OutputKernel => PaletteSprite ? 1 : 3;
        /// <summary>Channels entering the encoder's first stride-2 convolution.</summary>
        public int EncoderInputChannels => PaletteSprite ? PaletteEmbeddingChannels : Shape.Channels;
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
                macs += (long)h * w * Preset.RefineChannels * Shape.Channels * OutputKernel * OutputKernel;
                return macs;
            }
        }
    }
}
