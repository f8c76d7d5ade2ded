using System;
using System.IO;
using VaeProcgen.Trainer.Cli;

namespace VaeProcgen.Tests.Authoring
{
    /// <summary>Runs the command line in-process and captures what it prints.</summary>
    internal static class CliRun
    {
        public static (int Exit, string Out, string Error) Run(params string[] args)
        {
            TextWriter oldOut = Console.Out, oldError = Console.Error;
            var output = new StringWriter();
            var error = new StringWriter();
            Console.SetOut(output);
            Console.SetError(error);
            try
            {
                int exit = CommandLine.Run(args);
                return (exit, output.ToString(), error.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldError);
            }
        }
    }
}
