using System.Collections.Generic;
using F = VaeProcgen.Onnx.OnnxFieldNumbers;

namespace VaeProcgen.Onnx
{
    /// <summary>Reads an AttributeProto. Sub-graph content (g) is skipped; the attribute keeps Type = Graph.</summary>
    internal static class OnnxAttributeReader
    {
        public static OnnxAttribute Read(ProtoReader message, OnnxParseContext context)
        {
            var attribute = new OnnxAttribute();
            var floats = new List<float>();
            var ints = new List<long>();
            var strings = new List<string>();
            long maxItems = context.Limits.MaxTensorElements;
            while (message.NextField())
            {
                switch (message.Field)
                {
                    case F.Attribute.Name: attribute.Name = message.ReadString(); break;
                    case F.Attribute.Type: attribute.Type = (OnnxAttributeType)message.ReadInt32(); break;
                    case F.Attribute.F: attribute.Float = message.ReadFloat(); break;
                    case F.Attribute.I: attribute.Int = message.ReadInt64(); break;
                    case F.Attribute.S: attribute.String = message.ReadString(); break;
                    case F.Attribute.T: attribute.Tensor = OnnxTensorReader.Read(message.ReadMessage("TensorProto"), context); break;
                    case F.Attribute.G: message.SkipField(); break;
                    case F.Attribute.Floats:
                        if (message.WireType == ProtoWireType.LengthDelimited)
                        {
                            ProtoReader block = message.ReadPackedBlock();
                            while (!block.AtEnd) AddItem(floats, System.BitConverter.Int32BitsToSingle(unchecked((int)block.ReadPackedFixed32())), maxItems);
                        }
                        else AddItem(floats, message.ReadFloat(), maxItems);
                        break;
                    case F.Attribute.Ints:
                        if (message.WireType == ProtoWireType.LengthDelimited)
                        {
                            ProtoReader block = message.ReadPackedBlock();
                            while (!block.AtEnd) AddItem(ints, unchecked((long)block.ReadPackedVarint()), maxItems);
                        }
                        else AddItem(ints, message.ReadInt64(), maxItems);
                        break;
                    case F.Attribute.Strings: AddItem(strings, message.ReadString(), maxItems); break;
                    default: message.SkipField(); break;
                }
            }
            attribute.Floats = floats.ToArray();
            attribute.Ints = ints.ToArray();
            attribute.Strings = strings.ToArray();
            return attribute;
        }

        private static void AddItem<T>(List<T> items, T item, long maxItems)
        {
            if (items.Count >= maxItems)
                throw new OnnxFormatException($"The ONNX file has an attribute list with more than {maxItems} items, above the configured limit; the file is malformed or hostile.");
            items.Add(item);
        }
    }
}
