using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed
{
    /// <summary>Typed attribute lookup with ONNX defaults.</summary>
    internal static class NodeAttributes
    {
        public static long GetInt(this OnnxNode node, string name, long defaultValue)
        {
            OnnxAttribute? a = node.FindAttribute(name);
            return a == null ? defaultValue : a.Int;
        }

        public static float GetFloat(this OnnxNode node, string name, float defaultValue)
        {
            OnnxAttribute? a = node.FindAttribute(name);
            return a == null ? defaultValue : a.Float;
        }

        public static string GetString(this OnnxNode node, string name, string defaultValue)
        {
            OnnxAttribute? a = node.FindAttribute(name);
            return a == null ? defaultValue : a.String;
        }

        public static long[]? GetInts(this OnnxNode node, string name)
        {
            OnnxAttribute? a = node.FindAttribute(name);
            return a?.Ints;
        }

        public static string Describe(this OnnxNode node) => $"'{node.Name}' ({node.OpType})";
    }
}
