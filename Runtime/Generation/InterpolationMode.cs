namespace VaeProcgen.Generation
{
    /// <summary>How to move between two latents.</summary>
    public enum InterpolationMode
    {
        /// <summary>Straight line: (1-t) a + t b.</summary>
        Linear,
        /// <summary>Great-circle interpolation (slerp); keeps the norm typical of Gaussian samples.</summary>
        Spherical,
    }
}
