using VaeProcgen.Onnx;

namespace VaeProcgen.Backends
{
    /// <summary>One ONNX file to open: its bytes, its parsed form, and the tensors VaeModel binds (per-item shapes).</summary>
    internal sealed class GraphSpec
    {
        public GraphSpec(string fileName, byte[] bytes, OnnxModel parsed, string[] inputNames, long[][] inputItemShapes, string[] outputNames, long[][] outputItemShapes)
        {
            FileName = fileName;
            Bytes = bytes;
            Parsed = parsed;
            InputNames = inputNames;
            InputItemShapes = inputItemShapes;
            OutputNames = outputNames;
            OutputItemShapes = outputItemShapes;
        }

        public string FileName { get; }
        public byte[] Bytes { get; }
        public OnnxModel Parsed { get; }
        public string[] InputNames { get; }
        public long[][] InputItemShapes { get; }
        public string[] OutputNames { get; }
        public long[][] OutputItemShapes { get; }
    }
}
