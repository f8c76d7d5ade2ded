using System.Collections.Generic;
using F = VaeProcgen.Onnx.OnnxFieldNumbers;

namespace VaeProcgen.Onnx
{
    /// <summary>Reads a StringStringEntryProto (metadata_props, external_data).</summary>
    internal static class OnnxEntryReader
    {
        public static KeyValuePair<string, string> Read(ProtoReader message)
        {
            string key = "", value = "";
            while (message.NextField())
            {
                if (message.Field == F.StringStringEntry.Key) key = message.ReadString();
                else if (message.Field == F.StringStringEntry.Value) value = message.ReadString();
                else message.SkipField();
            }
            return new KeyValuePair<string, string>(key, value);
        }
    }
}
