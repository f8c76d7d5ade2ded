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
        public VaeArchitecture(VaeShape shape, VaePreset preset, int latentSize, int labelCount, bool paletteSprite = false, int localLatentChannels = 0,
            DecoderUpsampling upsampling = DecoderUpsampling.Transposed, int localLatentCell = QuarterResolutionCell)
        {
            if (!IsLocalLatentCell(localLatentCell))
            {
                throw new ArgumentOutOfRangeException(nameof(localLatentCell), localLatentCell, $"A local latent cell must be {HalfResolutionCell} or {QuarterResolutionCell} pixels wide.");
            }
            LocalLatentCell = localLatentCell;
            Upsampling = upsampling;
            PaletteSprite = paletteSprite;
            if (latentSize < 1 || latentSize > 4096)
            {
                throw new ArgumentOutOfRangeException(nameof(latentSize), latentSize, "Latent size must be between 1 and 4096.");
            }
            if (localLatentChannels < 0 || localLatentChannels > MaxLocalLatentChannels)
            {
                throw new ArgumentOutOfRangeException(nameof(localLatentChannels), localLatentChannels, $"Local latent channels must be between 0 and {MaxLocalLatentChannels}.");
            }
            Shape = shape;
            Preset = preset;
            GlobalLatentSize = latentSize;
            LabelCount = labelCount;
            LocalLatentChannels = localLatentChannels;
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
        /// <summary>How the decoder doubles its resolution; either way it runs (and is exported) as 4x4 stride-2 transposed convolutions.</summary>
        public DecoderUpsampling Upsampling { get; }
        /// <summary>Data shape.</summary>
        public VaeShape Shape { get; }
        /// <summary>Channel widths.</summary>
        public VaePreset Preset { get; }
        /// <summary>
        /// Size of the global latent z1: a vector the whole item depends on (the encoder's dense heads, the decoder's dense layer).
        /// </summary>
        public int GlobalLatentSize { get; }
        /// <summary>Local latent cells of 4 x 4 pixels: a map at a quarter of the data resolution, after the decoder's first upsampling stage.</summary>
        public const int QuarterResolutionCell = 4;
        /// <summary>Local latent cells of 2 x 2 pixels: a map at half the data resolution, after the decoder's second upsampling stage.</summary>
        public const int HalfResolutionCell = 2;
        /// <summary>True for the local latent cell sides a model can have: <see cref="HalfResolutionCell"/> and <see cref="QuarterResolutionCell"/>.</summary>
        public static bool IsLocalLatentCell(int cell) => cell == HalfResolutionCell || cell == QuarterResolutionCell;
        /// <summary>Most channels a local latent map may have.</summary>
        public const int MaxLocalLatentChannels = 64;

        /// <summary>
        /// Channels of the local latent z2, a map of cells of <see cref="LocalLatentCell"/> x <see cref="LocalLatentCell"/>
        /// pixels (<see cref="LocalHeight"/> x <see cref="LocalWidth"/>) that carries per-region detail; 0 = a one-level model.
        /// The decoder draws z2 from a learned prior N(mu(z1), sigma(z1)^2) as z2 = mu + sigma * e; its input carries e, so
        /// every latent value has a standard normal prior and the model keeps the plain VAE contract.
        /// </summary>
        public int LocalLatentChannels { get; }
        /// <summary>True for a two-level model (<see cref="LocalLatentChannels"/> &gt; 0).</summary>
        public bool HasLocalLatent => LocalLatentChannels > 0;
        /// <summary>Side in pixels of the (padded) data area one local latent cell covers: <see cref="QuarterResolutionCell"/> or <see cref="HalfResolutionCell"/>.</summary>
        public int LocalLatentCell { get; }
        /// <summary>The decoder's upsampling stage (0 or 1) whose output the local latent map is added to.</summary>
        internal int LocalStage => LocalLatentCell == QuarterResolutionCell ? 0 : 1;
        /// <summary>Rows of the local latent map (the decoder's feature map after upsampling stage <see cref="LocalStage"/>).</summary>
        public int LocalHeight => Shape.PaddedHeight / LocalLatentCell;
        /// <summary>Columns of the local latent map.</summary>
        public int LocalWidth => Shape.PaddedWidth / LocalLatentCell;
        /// <summary>Latent size K of the contract: the global latent followed by the flattened local map [channel, row, column].</summary>
        public int LatentSize => GlobalLatentSize + LocalLatentChannels * LocalHeight * LocalWidth;
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
        /// Decoder multiply-accumulates per item: dense layer, the three transposed convolutions (plus, for a two-level model,
        /// the local prior head and input projection) and the output convolution (each MAC is 2 FLOPs).
        /// </summary>
        public long DecoderMacsPerItem
        {
            get
            {
                int[] c = { Preset.StageChannels[2], Preset.StageChannels[1], Preset.StageChannels[0], Preset.RefineChannels };
                long macs = (long)(GlobalLatentSize + LabelCount) * InnerSize;
                int h = InnerHeight, w = InnerWidth;
                for (int stage = 0; stage < 3; stage++)
                {
                    macs += (long)h * w * c[stage] * c[stage + 1] * 16;
                    h *= 2;
                    w *= 2;
                    if (stage == LocalStage && HasLocalLatent)
                    {
                        macs += (long)h * w * (c[stage + 1] * 2 * LocalLatentChannels * 9 + LocalLatentChannels * c[stage + 1]);
                    }
                }
                macs += (long)h * w * Preset.RefineChannels * Shape.Channels * OutputKernel * OutputKernel;
                return macs;
            }
        }
    }
}
