namespace VaeProcgen.Onnx
{
    /// <summary>
    /// Upper bounds the <see cref="OnnxParser"/> enforces so that a hostile or corrupt file fails with an
    /// <see cref="OnnxFormatException"/> instead of exhausting memory or time.
    /// </summary>
    public sealed class OnnxReadLimits
    {
        /// <summary>The defaults: 512 MiB files, 64 M elements per tensor, 256 M elements in total, 100 000 nodes, depth 32, 8 dimensions.</summary>
        public static OnnxReadLimits Default => new OnnxReadLimits();

        /// <summary>Largest file, in bytes, that is read at all.</summary>
        public long MaxFileBytes { get; set; } = 512L * 1024 * 1024;
        /// <summary>Largest element count of one tensor (also bounds attribute lists).</summary>
        public long MaxTensorElements { get; set; } = 64L * 1024 * 1024;
        /// <summary>Largest element count summed over all tensors of the model.</summary>
        public long MaxTotalElements { get; set; } = 256L * 1024 * 1024;
        /// <summary>Largest number of nodes in the main graph.</summary>
        public int MaxNodes { get; set; } = 100_000;
        /// <summary>Deepest nesting of protobuf messages.</summary>
        public int MaxDepth { get; set; } = 32;
        /// <summary>Largest number of dimensions of a tensor or a value shape.</summary>
        public int MaxDims { get; set; } = 8;
    }
}
