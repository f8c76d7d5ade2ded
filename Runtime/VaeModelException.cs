using System;

namespace VaeProcgen
{
    /// <summary>
    /// The one exception family of the runtime: a model file or folder that cannot be used (unreadable,
    /// malformed, hostile, or violating the trainer/runtime contract). The message is one sentence that
    /// names what is wrong and what to do.
    /// </summary>
    public class VaeModelException : Exception
    {
        /// <summary>Creates the exception with a user-facing message.</summary>
        public VaeModelException(string message) : base(message) { }
        /// <summary>Creates the exception with a user-facing message and the underlying cause.</summary>
        public VaeModelException(string message, Exception inner) : base(message, inner) { }
    }
}
