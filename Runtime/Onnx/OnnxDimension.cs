namespace VaeProcgen.Onnx
{
    /// <summary>One dimension of a graph input/output shape: a fixed size or a named symbolic size (e.g. "N").</summary>
    internal readonly struct OnnxDimension
    {
        /// <summary>Creates a fixed dimension.</summary>
        public OnnxDimension(long value) { Value = value; Symbol = null; }
        /// <summary>Creates a symbolic (dynamic) dimension.</summary>
        public OnnxDimension(string symbol) { Value = null; Symbol = symbol; }
        /// <summary>The fixed size, or null when dynamic.</summary>
        public long? Value { get; }
        /// <summary>The symbol of a dynamic dimension, or null.</summary>
        public string? Symbol { get; }
        /// <inheritdoc />
        public override string ToString() => Value.HasValue ? Value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : (Symbol ?? "?");
    }
}
