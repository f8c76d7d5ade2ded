using System;
using System.IO;
using VaeProcgen.Trainer.Cli;

namespace VaeProcgen.Tests.Reliability
{
    /// <summary>Runs the vaeprocgen command line in-process with stdout and stderr captured.</summary>
    internal static class CliRunner
    {
        private static readonly object Gate = new object();

        public static (int ExitCode, string Error) Run(params string[] args)
        {
            lock (Gate)
            {
                TextWriter oldError = Console.Error;
                TextWriter oldOut = Console.Out;
                var error = new StringWriter();
                Console.SetError(error);
                Console.SetOut(new StringWriter());
                try
                {
                    int code = CommandLine.Run(args);
                    return (code, error.ToString());
                }
                finally
                {
                    Console.SetError(oldError);
                    Console.SetOut(oldOut);
                }
            }
        }
    }
}
