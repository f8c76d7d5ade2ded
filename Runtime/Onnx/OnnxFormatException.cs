using System;

namespace VaeProcgen.Onnx
{
    /// <summary>
    /// An ONNX file that cannot be read: truncated, malformed, hostile, or beyond the configured
    /// <see cref="OnnxReadLimits"/>. The message is one sentence naming the problem and what to do.
    /// </summary>
    public class OnnxFormatException : VaeModelException
    {
        /// <summary>Creates the exception with a user-facing message.</summary>
        public OnnxFormatException(string message) : base(message) { }
        /// <summary>Creates the exception with a user-facing message and the underlying cause.</summary>
        public OnnxFormatException(string message, Exception inner) : base(message, inner) { }
    }
}
