namespace VaeProcgen.Generation
{
    /// <summary>Which distribution <see cref="VaeModel.SampleLatent(long, int)"/> draws from.</summary>
    public enum LatentPriorChoice
    {
        /// <summary>The fitted aggregate posterior stored in the model when present, else N(0, I).</summary>
        Auto,
        /// <summary>Always the VAE's standard normal prior N(0, I).</summary>
        StandardNormal,
    }
}
