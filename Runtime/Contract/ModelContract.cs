using System;
using System.Collections.Generic;
using System.Globalization;

namespace VaeProcgen.Contract
{
    /// <summary>
    /// The checked trainer/runtime contract of one model, read from an ONNX file's metadata_props.
    /// Immutable; safe to share between threads.
    /// </summary>
    public sealed class ModelContract
    {
        private ModelContract() { }

        /// <summary>Contract version found in the file.</summary>
        public int Version { get; private set; }
        /// <summary>Sprite or tiles.</summary>
        public ModelKind Kind { get; private set; }
        /// <summary>Latent size K.</summary>
        public int LatentSize { get; private set; }
        /// <summary>Output channels C.</summary>
        public int Channels { get; private set; }
        /// <summary>Output height H.</summary>
        public int Height { get; private set; }
        /// <summary>Output width W.</summary>
        public int Width { get; private set; }
        /// <summary>Values per item (C x H x W).</summary>
        public int ItemSize => Channels * Height * Width;
        /// <summary>Reconstruction likelihood used in training.</summary>
        public Likelihood Likelihood { get; private set; }
        /// <summary>Standard deviation of the Gaussian likelihood (0.1 when the file does not say).</summary>
        public double GaussianSigma { get; private set; } = 0.1;
        /// <summary>Whether the decoder (and encoder) take a one-hot label input.</summary>
        public bool IsConditional { get; private set; }
        /// <summary>Class labels in index order (may be empty).</summary>
        public IReadOnlyList<string> ClassLabels { get; private set; } = Array.Empty<string>();
        /// <summary>Tile legend (tiles models), in channel order; empty for sprites.</summary>
        public IReadOnlyList<TileLegendEntry> TileLegend { get; private set; } = Array.Empty<TileLegendEntry>();
        /// <summary>The 2x2 tile patterns of the training levels (tiles models exported with them), or null.</summary>
        public VaeProcgen.Generation.Tiles.TilePatternSet? TilePatterns2x2 { get; private set; }
        /// <summary>Tiles only: tile counts of the training levels (<see cref="ContractNames.KeyTileCounts"/>), or null for models exported without them.</summary>
        public VaeProcgen.Generation.Tiles.TileCountTable? TileCounts { get; private set; }
        /// <summary>Tiles only: how windows make a level (<see cref="ContractNames.KeyLevelLayout"/>; horizontal when absent).</summary>
        public VaeProcgen.Generation.Tiles.LevelLayout LevelLayout { get; private set; }
        /// <summary>Training palette as RGBA32 colours (may be empty).</summary>
        public IReadOnlyList<uint> Palette { get; private set; } = Array.Empty<uint>();
        /// <summary>
        /// True for a palette sprite model: categorical likelihood, channel c = probability of <see cref="Palette"/> colour c
        /// (see <see cref="ContractNames.ChannelsPaletteProbabilities"/>).
        /// </summary>
        public bool IsPaletteSprite => Kind == ModelKind.Sprite && Likelihood == Likelihood.Categorical;
        /// <summary>The channel palette of a palette sprite model (<see cref="IsPaletteSprite"/>), else null.</summary>
        internal Generation.SpritePalette? SpritePalette { get; private set; }
        /// <summary>The fitted latent prior stored at export, or null.</summary>
        public Generation.FittedLatentPrior? LatentPrior { get; private set; }
        /// <summary>Trainer version that exported the file.</summary>
        public string TrainerVersion { get; private set; } = "";
        /// <summary>Fingerprint of the training data.</summary>
        public string DatasetFingerprint { get; private set; } = "";
        /// <summary>Preset name (informational).</summary>
        public string Preset { get; private set; } = "";

        /// <summary>
        /// Reads and checks the contract from metadata_props of the file <paramref name="fileName"/> that must
        /// have the given role. Throws <see cref="VaeModelException"/> naming the key, expected and found value.
        /// </summary>
        internal static ModelContract Read(IReadOnlyDictionary<string, string> props, string fileName, string expectedRole)
        {
            string Get(string key)
            {
                if (!props.TryGetValue(key, out string? value))
                {
                    throw new VaeModelException($"{fileName} has no '{key}' metadata entry (expected by contract version {ContractNames.CurrentVersion}); it was not exported by a VaeProcgen trainer or is damaged: re-export it with the current trainer.");
                }
                return value;
            }
            VaeModelException Bad(string key, string expected, string found) =>
                new VaeModelException($"{fileName}: metadata '{key}' is '{found}' but this runtime expects {expected}; re-export the model with a trainer matching this runtime (contract version {ContractNames.CurrentVersion}).");

            string versionText = Get(ContractNames.KeyContractVersion);
            if (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out int version) || version != ContractNames.CurrentVersion)
            {
                throw Bad(ContractNames.KeyContractVersion, ContractNames.CurrentVersion.ToString(CultureInfo.InvariantCulture), versionText);
            }
            string role = Get(ContractNames.KeyGraphRole);
            if (role != expectedRole) throw Bad(ContractNames.KeyGraphRole, $"'{expectedRole}'", role);

            var contract = new ModelContract { Version = version };
            string kindText = Get(ContractNames.KeyModelKind);
            contract.Kind = ContractFormat.ParseKind(kindText) ?? throw Bad(ContractNames.KeyModelKind, "'sprite' or 'tiles'", kindText);
            string latentText = Get(ContractNames.KeyLatentSize);
            if (!int.TryParse(latentText, NumberStyles.None, CultureInfo.InvariantCulture, out int latent) || latent < 1 || latent > 4096)
            {
                throw Bad(ContractNames.KeyLatentSize, "an integer from 1 to 4096", latentText);
            }
            contract.LatentSize = latent;
            string shapeText = Get(ContractNames.KeyOutputShape);
            var shape = ContractFormat.ParseShape(shapeText) ?? throw Bad(ContractNames.KeyOutputShape, "'C,H,W' with each part from 1 to 4096", shapeText);
            (contract.Channels, contract.Height, contract.Width) = shape;
            string likelihoodText = Get(ContractNames.KeyLikelihood);
            contract.Likelihood = ContractFormat.ParseLikelihood(likelihoodText) ?? throw Bad(ContractNames.KeyLikelihood, "'bernoulli', 'gaussian' or 'categorical'", likelihoodText);
            string channels = Get(ContractNames.KeyChannels);
            string expectedChannels = ContractFormat.FormatChannels(contract.Kind, contract.Likelihood);
            if (channels != expectedChannels) throw Bad(ContractNames.KeyChannels, $"'{expectedChannels}' for a {kindText} model with the {likelihoodText} likelihood", channels);
            if (contract.Kind == ModelKind.Sprite && contract.Likelihood != Likelihood.Categorical && contract.Channels != 4) throw Bad(ContractNames.KeyOutputShape, "4 channels (RGBA) for a sprite model", shapeText);
            string conditional = Get(ContractNames.KeyConditional);
            if (conditional != "true" && conditional != "false") throw Bad(ContractNames.KeyConditional, "'true' or 'false'", conditional);
            contract.IsConditional = conditional == "true";
            string labelsText = Get(ContractNames.KeyClassLabels);
            try
            {
                contract.ClassLabels = ContractJson.ParseStringArray(labelsText);
            }
            catch (FormatException)
            {
                throw Bad(ContractNames.KeyClassLabels, "a JSON array of strings", Shorten(labelsText));
            }
            if (contract.IsConditional && contract.ClassLabels.Count == 0) throw Bad(ContractNames.KeyClassLabels, "at least one label for a conditional model", labelsText);
            if (contract.Kind == ModelKind.Tiles)
            {
                string legendText = Get(ContractNames.KeyTileLegend);
                contract.TileLegend = TileLegendJson.Parse(legendText, contract.Channels) ?? throw Bad(ContractNames.KeyTileLegend, $"a JSON array of {contract.Channels} {{\"char\",\"index\",\"tags\"}} entries", Shorten(legendText));
                if (props.TryGetValue(ContractNames.KeyTilePatterns2x2, out string? patternsText))
                {
                    contract.TilePatterns2x2 = VaeProcgen.Generation.Tiles.TilePatternText.Parse(patternsText, contract.TileLegend)
                        ?? throw Bad(ContractNames.KeyTilePatterns2x2, "groups of 4 legend characters (row-major 2x2 patterns)", Shorten(patternsText));
                }
                if (props.TryGetValue(ContractNames.KeyTileCounts, out string? countsText))
                {
                    contract.TileCounts = VaeProcgen.Generation.Tiles.TileCountTable.Parse(countsText, contract.Channels)
                        ?? throw Bad(ContractNames.KeyTileCounts, $"';'-separated groups of {contract.Channels + 1} ','-separated counts (cells, then one per tile)", Shorten(countsText));
                }
                if (props.TryGetValue(ContractNames.KeyLevelLayout, out string? layoutText))
                {
                    contract.LevelLayout = ContractFormat.ParseLevelLayout(layoutText) ?? throw Bad(ContractNames.KeyLevelLayout, "horizontal, vertical or room", Shorten(layoutText));
                }
            }
            if (props.TryGetValue(ContractNames.KeyPalette, out string? paletteText))
            {
                contract.Palette = PaletteJson.Parse(paletteText) ?? throw Bad(ContractNames.KeyPalette, "a JSON array of \"#RRGGBBAA\" strings", Shorten(paletteText));
            }
            if (contract.IsPaletteSprite)
            {
                if (contract.Palette.Count != contract.Channels || contract.Channels < 2)
                {
                    throw Bad(ContractNames.KeyPalette, $"one colour per channel ({contract.Channels}, at least 2) for a palette sprite model", paletteText == null ? "missing" : Shorten(paletteText));
                }
                contract.SpritePalette = new Generation.SpritePalette(contract.Palette);
            }
            if (props.TryGetValue(ContractNames.KeyGaussianSigma, out string? sigmaText))
            {
                if (!double.TryParse(sigmaText, NumberStyles.Float, CultureInfo.InvariantCulture, out double sigma) || !(sigma > 0) || double.IsInfinity(sigma))
                {
                    throw Bad(ContractNames.KeyGaussianSigma, "a positive number", sigmaText);
                }
                contract.GaussianSigma = sigma;
            }
            if (props.TryGetValue(ContractNames.KeyLatentPrior, out string? priorText))
            {
                contract.LatentPrior = Generation.FittedLatentPrior.Parse(priorText, contract.LatentSize)
                    ?? throw Bad(ContractNames.KeyLatentPrior, $"an aggregate_posterior object with finite float data for latent size {contract.LatentSize}", Shorten(priorText));
            }
            contract.TrainerVersion = Get(ContractNames.KeyTrainerVersion);
            contract.DatasetFingerprint = props.TryGetValue(ContractNames.KeyDatasetFingerprint, out string? fp) ? fp : "";
            contract.Preset = props.TryGetValue(ContractNames.KeyPreset, out string? preset) ? preset : "";
            return contract;
        }

        /// <summary>
        /// Checks that the encoder's contract describes the same model as this (decoder) contract; throws
        /// <see cref="VaeModelException"/> naming the first key that differs.
        /// </summary>
        internal void RequireSameModel(ModelContract other, string otherFileName)
        {
            void Same(string key, string mine, string theirs)
            {
                if (mine != theirs)
                {
                    throw new VaeModelException($"{otherFileName}: metadata '{key}' is '{theirs}' but the decoder says '{mine}'; the encoder and decoder come from different exports: copy both files from the same training run.");
                }
            }
            Same(ContractNames.KeyModelKind, ContractFormat.FormatKind(Kind), ContractFormat.FormatKind(other.Kind));
            Same(ContractNames.KeyLatentSize, LatentSize.ToString(CultureInfo.InvariantCulture), other.LatentSize.ToString(CultureInfo.InvariantCulture));
            Same(ContractNames.KeyOutputShape, ContractFormat.FormatShape(Channels, Height, Width), ContractFormat.FormatShape(other.Channels, other.Height, other.Width));
            Same(ContractNames.KeyConditional, IsConditional ? "true" : "false", other.IsConditional ? "true" : "false");
            Same(ContractNames.KeyDatasetFingerprint, DatasetFingerprint, other.DatasetFingerprint);
        }

        private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
