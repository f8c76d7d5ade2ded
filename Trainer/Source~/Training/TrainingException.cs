using System;

namespace VaeProcgen.Trainer.Training
{
    /// <summary>
    /// A training run cannot start or go on (unusable checkpoint, data that does not fit the run, training that keeps
    /// producing non-finite values). The message is one sentence: what happened and what to do. The command line
    /// prints it and exits with code 2.
    /// </summary>
    public class TrainingException : Exception
    {
        /// <summary>Creates the exception with a one-sentence message.</summary>
        public TrainingException(string message) : base(message) { }

        /// <summary>Creates the exception with a one-sentence message and its cause.</summary>
        public TrainingException(string message, Exception inner) : base(message, inner) { }
    }
}
