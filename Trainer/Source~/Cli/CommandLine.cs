using System;
using System.CommandLine;
using System.IO;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>The vaeprocgen command line: parses, runs, and turns user mistakes into one sentence and exit code 2.</summary>
    public static class CommandLine
    {
        /// <summary>Exit code for user mistakes (bad path, bad option, bad file).</summary>
        public const int UserErrorExitCode = 2;

        /// <summary>Parses and runs; returns the process exit code.</summary>
        public static int Run(string[] args)
        {
            var root = new RootCommand("VaeProcgen: train variational autoencoders on sprites or tile levels, export ONNX, generate content.");
            root.Subcommands.Add(TrainCommand.Create());
            root.Subcommands.Add(SampleCommand.Create());
            root.Subcommands.Add(InterpolateCommand.Create());
            root.Subcommands.Add(EvalCommand.Create());
            root.Subcommands.Add(QualityCommand.Create());
            root.Subcommands.Add(DemoCommand.Create());
            root.Subcommands.Add(VaryCommand.Create());
            root.Subcommands.Add(ScoreCommand.Create());
            root.Subcommands.Add(TraverseCommand.Create());
            root.Subcommands.Add(LevelsCommand.Create());
            root.Subcommands.Add(EvalLevelsCommand.Create());
            ParseResult parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors) Console.Error.WriteLine($"error: {error.Message}");
                Console.Error.WriteLine("Run 'vaeprocgen --help' (or 'vaeprocgen <command> --help') for usage.");
                return UserErrorExitCode;
            }
            try
            {
                return parsed.Invoke();
            }
            catch (Exception e) when (IsUserError(e))
            {
                Console.Error.WriteLine(ErrorLine(e));
                return UserErrorExitCode;
            }
        }

        /// <summary>Runs a command body, converting user mistakes into a message and exit code 2.</summary>
        public static int Guard(Func<int> body)
        {
            try
            {
                return body();
            }
            catch (Exception e) when (IsUserError(e))
            {
                Console.Error.WriteLine(ErrorLine(e));
                return UserErrorExitCode;
            }
        }

        private static bool IsUserError(Exception e) =>
            e is UserErrorException || e is Training.TrainingException || e is Data.DataLoadException || e is VaeModelException || e is IOException || e is UnauthorizedAccessException || e is ArgumentException;

        /// <summary>The one line printed for a user error; a failed read or write (a full disk, a locked file) says what to do.</summary>
        internal static string ErrorLine(Exception e) =>
            e is IOException && e is not DirectoryNotFoundException && e is not FileNotFoundException
                ? $"error: a file could not be read or written ({e.Message.Trim()}); free disk space or fix the path and run again (train: --resume continues from the last checkpoint)."
                : $"error: {e.Message}";
    }
}
