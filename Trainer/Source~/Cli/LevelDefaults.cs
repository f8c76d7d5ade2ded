namespace VaeProcgen.Trainer.Cli
{
    /// <summary>Defaults used for tile-level models when the corresponding option is not given (measured on the embedded Mario levels).</summary>
    internal static class LevelDefaults
    {
        /// <summary>Model preset.</summary>
        public const string Preset = "base";
        /// <summary>Training epochs.</summary>
        public const int Epochs = 30;
        /// <summary>Free bits (nats per latent dimension) that keep the latent in use over the mostly-sky windows.</summary>
        public const double FreeBits = 0.1;
        /// <summary>End of the cosine learning-rate decay (the level defaults were measured with plain Adam decaying to 5%).</summary>
        public const double FinalLearningRateFraction = 0.05;
        /// <summary>Latent size.</summary>
        public const int Latent = 32;
        /// <summary>Segments of a generated level: 28 + 8 x 24 = 220 columns, longer than most Mario levels' 200.</summary>
        public const int Segments = 9;
        /// <summary>
        /// Tile sampling temperature of generated levels: 0, the most likely tile, with latents at the training encodings
        /// (<see cref="PriorSpread"/>) keeps the tile-pattern KL inside the human range without scattered single tiles
        /// (measured in docs/LEVELS.md; 0.8 was the default when latents came from N(0, I)).
        /// </summary>
        public const double Temperature = 0;
        /// <summary>Spread of the fitted prior around the training encodings (0 = the encodings themselves).</summary>
        public const double PriorSpread = 0;
        /// <summary>
        /// Preset, epochs and free bits for a layout when the options are not given: horizontal levels use the values above;
        /// vertical levels and rooms (fewer, smaller windows: 6 Kid Icarus levels, 150 Lode Runner rooms) a smaller model
        /// trained longer with more free bits, as measured in docs/LEVELS.md.
        /// </summary>
        public static (string Preset, int Epochs, double FreeBits) ForLayout(VaeProcgen.Generation.Tiles.LevelLayout layout) => layout switch
        {
            VaeProcgen.Generation.Tiles.LevelLayout.Vertical => ("small", 60, 0.5),
            VaeProcgen.Generation.Tiles.LevelLayout.Room => ("small", 150, 1.0),
            _ => (Preset, Epochs, FreeBits),
        };

        /// <summary>Candidate latents per segment: 0 = the model's default (<see cref="VaeProcgen.Generation.Tiles.TileModelExtensions.LevelOptions"/>: 4 per stitched segment, 8 per room batch).</summary>
        public const int Candidates = 0;
    }
}
