namespace VaeProcgen.Contract
{
    /// <summary>
    /// Every name the trainer and the runtime must agree on: ONNX graph input/output names and the
    /// metadata_props keys that carry the contract. This is the only place they are spelled.
    /// </summary>
    internal static class ContractNames
    {
        /// <summary>Contract version this runtime writes and accepts. Bump on any incompatible change.</summary>
        public const int CurrentVersion = 1;

        /// <summary>Decoder input: latent codes [N, K].</summary>
        public const string LatentInput = "z";
        /// <summary>Decoder output / encoder input: data [N, C, H, W] (sprites in [0,1]; tiles as probabilities).</summary>
        public const string DataTensor = "x";
        /// <summary>Encoder output: posterior mean [N, K].</summary>
        public const string MeanOutput = "mu";
        /// <summary>Encoder output: posterior log-variance [N, K].</summary>
        public const string LogVarianceOutput = "logvar";
        /// <summary>Conditional models: class label input (one-hot [N, L]).</summary>
        public const string LabelInput = "label";

        /// <summary>Metadata key: contract version (integer).</summary>
        public const string KeyContractVersion = "vaeprocgen.contract_version";
        /// <summary>Metadata key: which half of the VAE the file holds ("decoder" or "encoder").</summary>
        public const string KeyGraphRole = "vaeprocgen.graph_role";
        /// <summary>Metadata key: model kind ("sprite" or "tiles").</summary>
        public const string KeyModelKind = "vaeprocgen.model_kind";
        /// <summary>Metadata key: latent size K.</summary>
        public const string KeyLatentSize = "vaeprocgen.latent_size";
        /// <summary>Metadata key: output shape "C,H,W".</summary>
        public const string KeyOutputShape = "vaeprocgen.output_shape";
        /// <summary>Metadata key: reconstruction likelihood ("bernoulli", "gaussian" or "categorical").</summary>
        public const string KeyLikelihood = "vaeprocgen.likelihood";
        /// <summary>Metadata key: meaning of the channels ("rgba_straight" or "palette_probabilities" for sprites, "tile_probabilities" for tiles).</summary>
        public const string KeyChannels = "vaeprocgen.channels";
        /// <summary>Metadata key: tile legend, JSON array of {"char","index","tags"} (tiles only).</summary>
        public const string KeyTileLegend = "vaeprocgen.tile_legend";
        /// <summary>
        /// Metadata key: the 2x2 tile patterns seen in the training levels (tiles only, optional), so the runtime can repair
        /// generated levels without the training data. Format: see <see cref="VaeProcgen.Generation.Tiles.TilePatternText"/>.
        /// </summary>
        public const string KeyTilePatterns2x2 = "vaeprocgen.tile_patterns_2x2";
        /// <summary>Metadata key: how a tiles model's windows make a level ("horizontal", "vertical" or "room"), optional (absent = horizontal).</summary>
        public const string KeyLevelLayout = "vaeprocgen.level_layout";
        /// <summary>
        /// Metadata key: how many tiles of each type every training level holds (tiles only, optional), so generation can give
        /// rare object tiles the originals' counts. Format: see <see cref="VaeProcgen.Generation.Tiles.TileCountTable"/>.
        /// </summary>
        public const string KeyTileCounts = "vaeprocgen.tile_counts";
        /// <summary>Metadata key: class labels, JSON array of strings in label-index order.</summary>
        public const string KeyClassLabels = "vaeprocgen.class_labels";
        /// <summary>Metadata key: whether the decoder takes a <see cref="LabelInput"/> ("true"/"false").</summary>
        public const string KeyConditional = "vaeprocgen.conditional";
        /// <summary>
        /// Metadata key: training palette, JSON array of "#RRGGBBAA" strings. Optional for RGBA sprite models (the colours
        /// `--pixels palette` snaps to); required for palette sprite models (<see cref="ChannelsPaletteProbabilities"/>), where entry c
        /// is the colour of channel c and an entry with alpha 0 is transparency.
        /// </summary>
        public const string KeyPalette = "vaeprocgen.palette";
        /// <summary>Metadata key: standard deviation of the Gaussian likelihood (gaussian models only).</summary>
        public const string KeyGaussianSigma = "vaeprocgen.gaussian_sigma";
        /// <summary>Metadata key: fitted latent prior (aggregate posterior of the training set; see FittedLatentPrior), optional.</summary>
        public const string KeyLatentPrior = "vaeprocgen.latent_prior";
        /// <summary>Metadata key: trainer version that exported the file.</summary>
        public const string KeyTrainerVersion = "vaeprocgen.trainer_version";
        /// <summary>Metadata key: fingerprint (hex SHA-256) of the training data.</summary>
        public const string KeyDatasetFingerprint = "vaeprocgen.dataset_fingerprint";
        /// <summary>Metadata key: training preset name (informational).</summary>
        public const string KeyPreset = "vaeprocgen.preset";

        /// <summary>Value of <see cref="KeyChannels"/> for sprites: R,G,B,A planes in [0,1], straight (not premultiplied) alpha.</summary>
        public const string ChannelsRgbaStraight = "rgba_straight";
        /// <summary>
        /// Value of <see cref="KeyChannels"/> for palette sprite models (categorical likelihood): one probability plane per
        /// colour of <see cref="KeyPalette"/>, in palette order.
        /// </summary>
        public const string ChannelsPaletteProbabilities = "palette_probabilities";
        /// <summary>Value of <see cref="KeyChannels"/> for tiles: one probability plane per tile type.</summary>
        public const string ChannelsTileProbabilities = "tile_probabilities";
        /// <summary>Value of <see cref="KeyGraphRole"/> for the decoder file.</summary>
        public const string RoleDecoder = "decoder";
        /// <summary>Value of <see cref="KeyGraphRole"/> for the encoder file.</summary>
        public const string RoleEncoder = "encoder";

        /// <summary>File name of the decoder inside a model folder.</summary>
        public const string DecoderFileName = "decoder.onnx";
        /// <summary>File name of the encoder inside a model folder.</summary>
        public const string EncoderFileName = "encoder.onnx";
    }
}
