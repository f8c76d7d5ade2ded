using System;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>
    /// A mistake in what the user gave us (bad path, unreadable file, bad option). The command line prints
    /// the message (one sentence: what is wrong and what to do) and exits with code 2, without a stack trace.
    /// </summary>
    public class UserErrorException : Exception
    {
        /// <summary>Creates the exception with a one-sentence message.</summary>
        public UserErrorException(string message) : base(message) { }
        /// <summary>Creates the exception with a one-sentence message and its cause.</summary>
        public UserErrorException(string message, Exception inner) : base(message, inner) { }
    }
}
