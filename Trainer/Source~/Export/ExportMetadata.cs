using System.Collections.Generic;
using VaeProcgen.Contract;

namespace VaeProcgen.Trainer.Export
{
    /// <summary>What the exporter writes into the contract besides the architecture.</summary>
    public sealed class ExportMetadata
    {
        /// <summary>Sprite or tiles.</summary>
        public ModelKind Kind { get; set; } = ModelKind.Sprite;
        /// <summary>Likelihood the model was trained with.</summary>
        public Likelihood Likelihood { get; set; } = Likelihood.Bernoulli;
        /// <summary>Standard deviation of the Gaussian likelihood.</summary>
        public double GaussianSigma { get; set; } = 0.1;
        /// <summary>Class labels in index order (may be empty).</summary>
        public IReadOnlyList<string> ClassLabels { get; set; } = new string[0];
        /// <summary>Tile legend as the contract's JSON (tiles only), or null.</summary>
        public string? TileLegendJson { get; set; }
        /// <summary>2x2 tile patterns of the training levels (contract text form), or null.</summary>
        public string? TilePatterns2x2 { get; set; }
        /// <summary>Tiles only: how windows make a level (written as <c>vaeprocgen.level_layout</c>).</summary>
        public VaeProcgen.Generation.Tiles.LevelLayout LevelLayout { get; set; }
        /// <summary>Tile counts of the training levels (contract text form), or null.</summary>
        public string? TileCounts { get; set; }
        /// <summary>Training palette as the contract's JSON, or null.</summary>
        public string? PaletteJson { get; set; }
        /// <summary>Fitted latent prior stored in the decoder's contract, or null.</summary>
        public VaeProcgen.Generation.FittedLatentPrior? LatentPrior { get; set; }
        /// <summary>Hex SHA-256 of the training data.</summary>
        public string DatasetFingerprint { get; set; } = "";
        /// <summary>Preset name.</summary>
        public string Preset { get; set; } = "";
    }
}
