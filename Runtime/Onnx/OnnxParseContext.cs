namespace VaeProcgen.Onnx
{
    /// <summary>Limits and running totals shared by the readers while one file is parsed.</summary>
    internal sealed class OnnxParseContext
    {
        private long _totalElements;
        private int _nodes;

        public OnnxParseContext(OnnxReadLimits limits) { Limits = limits; }

        public OnnxReadLimits Limits { get; }

        public void CountNode()
        {
            if (++_nodes > Limits.MaxNodes)
                throw new OnnxFormatException($"The ONNX graph has more than {Limits.MaxNodes} nodes, above the configured limit; the file is too large or hostile.");
        }

        public void CountElements(long count, string what)
        {
            if (count > Limits.MaxTensorElements)
                throw new OnnxFormatException($"The ONNX {what} has {count} elements, above the limit of {Limits.MaxTensorElements}; the file is too large or hostile.");
            _totalElements += count;
            if (_totalElements > Limits.MaxTotalElements)
                throw new OnnxFormatException($"The ONNX model holds more than {Limits.MaxTotalElements} tensor elements in total, above the configured limit; the file is too large or hostile.");
        }

        /// <summary>Reader over a nested message, enforcing the depth limit.</summary>
        public ProtoReader Root(System.ReadOnlySpan<byte> bytes) => new ProtoReader(bytes, "ModelProto", 0, Limits.MaxDepth);
    }
}
