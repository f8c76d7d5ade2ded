using System;

namespace VaeProcgen.Trainer.Data
{
    /// <summary>
    /// Training data could not be loaded (missing folder, no PNGs, unreadable or corrupt file).
    /// The message is one sentence naming the file or folder and saying what to do.
    /// </summary>
    public sealed class DataLoadException : Exception
    {
        /// <summary>Creates the exception with a one-sentence message.</summary>
        public DataLoadException(string message) : base(message) { }

        /// <summary>Creates the exception with a one-sentence message and its cause.</summary>
        public DataLoadException(string message, Exception inner) : base(message, inner) { }
    }
}
