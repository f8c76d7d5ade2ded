namespace VaeProcgen.Trainer.Imaging
{
    /// <summary>How a sprite whose size differs from the model size is brought to the model size.</summary>
    public enum SpriteFitMode
    {
        /// <summary>Nearest-neighbour resize to the model size (keeps hard pixel-art edges; may change aspect).</summary>
        Scale = 0,

        /// <summary>Centre the sprite on a transparent canvas of the model size; larger sprites are centre-cropped.</summary>
        Pad = 1,

        /// <summary>Centre-crop the sprite to the model size; smaller sprites are padded with transparency.</summary>
        Crop = 2,
    }
}
