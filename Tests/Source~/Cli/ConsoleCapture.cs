using System;
using System.IO;

namespace VaeProcgen.Tests.Cli
{
    /// <summary>Redirects Console.Out and Console.Error to strings until disposed.</summary>
    internal sealed class ConsoleCapture : IDisposable
    {
        private readonly TextWriter previousOut = Console.Out;
        private readonly TextWriter previousError = Console.Error;
        private readonly StringWriter output = new StringWriter();
        private readonly StringWriter error = new StringWriter();

        public ConsoleCapture()
        {
            Console.SetOut(output);
            Console.SetError(error);
        }

        public string Output => output.ToString();
        public string Error => error.ToString();

        public static (int Exit, string Output, string Error) Run(params string[] args)
        {
            using var capture = new ConsoleCapture();
            int exit = Trainer.Cli.CommandLine.Run(args);
            return (exit, capture.Output, capture.Error);
        }

        public void Dispose()
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
    }
}
