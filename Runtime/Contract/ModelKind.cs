namespace VaeProcgen.Contract
{
    /// <summary>What a model generates.</summary>
    public enum ModelKind
    {
        /// <summary>RGBA sprites.</summary>
        Sprite,
        /// <summary>Tile maps (one categorical variable per cell).</summary>
        Tiles,
    }
}
