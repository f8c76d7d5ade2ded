namespace VaeProcgen.Trainer.Cli
{
    /// <summary>The vaeprocgen command line.</summary>
    public static class CommandLine
    {
        /// <summary>Parses and runs; returns the process exit code.</summary>
        public static int Run(string[] args) => 0;
    }
}
