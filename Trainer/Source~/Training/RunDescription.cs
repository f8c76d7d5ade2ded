using System.Collections.Generic;
using VaeProcgen.Contract;

namespace VaeProcgen.Trainer.Training
{
    /// <summary>Everything that defines a training run (stored in the checkpoint so --resume rebuilds it exactly).</summary>
    public sealed class RunDescription
    {
        /// <summary>Sprite or tiles.</summary>
        public ModelKind Kind { get; set; }
        /// <summary>Data channels.</summary>
        public int Channels { get; set; }
        /// <summary>Data height.</summary>
        public int Height { get; set; }
        /// <summary>Data width.</summary>
        public int Width { get; set; }
        /// <summary>Preset name.</summary>
        public string Preset { get; set; } = "base";
        /// <summary>Latent size.</summary>
        public int LatentSize { get; set; } = 32;
        /// <summary>Class labels fed to a conditional model (empty when unconditional).</summary>
        public List<string> ConditionLabels { get; set; } = new List<string>();
        /// <summary>All class labels of the data (kept in the contract).</summary>
        public List<string> ClassLabels { get; set; } = new List<string>();
        /// <summary>Hyper-parameters.</summary>
        public TrainingOptions Options { get; set; } = new TrainingOptions();
        /// <summary>Fingerprint of the training data; --resume refuses different data.</summary>
        public string DatasetFingerprint { get; set; } = "";
        /// <summary>Bandwidth of the fitted latent prior stored with sprite models; negative = store none (sampling uses N(0, I)).</summary>
        public double PriorBandwidth { get; set; } = Export.AggregatePosterior.DefaultBandwidth;
        /// <summary>
        /// Two-level models: standard deviation the fitted prior samples the local noise with; negative = fit the local
        /// noise too (the aggregate posterior over the whole latent).
        /// </summary>
        public double PriorLocalSpread { get; set; } = Export.AggregatePosterior.DefaultLocalSpread;
        /// <summary>
        /// Two-level models whose fitted prior covers the local noise: standard deviation of the shift shared by each local
        /// channel; negative = independent noise per local value.
        /// </summary>
        public double PriorLocalShift { get; set; } = Export.AggregatePosterior.DefaultLocalShift;
        /// <summary>Tile legend JSON (tiles only).</summary>
        public string? TileLegendJson { get; set; }
        /// <summary>2x2 tile patterns of the training levels in the contract's text form (tiles only).</summary>
        public string? TilePatterns2x2 { get; set; }
        /// <summary>Tiles only: how the windows make a level.</summary>
        public VaeProcgen.Generation.Tiles.LevelLayout LevelLayout { get; set; }
        /// <summary>Tile counts of the training levels (contract text form), or null.</summary>
        public string? TileCounts { get; set; }
        /// <summary>Palette JSON, when extracted.</summary>
        public string? PaletteJson { get; set; }
    }
}
