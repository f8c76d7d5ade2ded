namespace VaeProcgen.Generation.Tiles
{
    /// <summary>
    /// Level generation could not find a level that passes the playability check within its search budget; the
    /// message says how far the best attempt got. Generate again with another seed, more candidates, or without the check.
    /// </summary>
    public sealed class LevelGenerationException : VaeModelException
    {
        /// <summary>Creates the exception.</summary>
        public LevelGenerationException(string message, LevelGenerationResult result) : base(message)
        {
            Result = result;
        }

        /// <summary>The best level found (not playable), with its check result.</summary>
        public LevelGenerationResult Result { get; }
    }
}
