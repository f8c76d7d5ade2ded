using System;
using F = VaeProcgen.Onnx.OnnxFieldNumbers;

namespace VaeProcgen.Onnx
{
    /// <summary>
    /// Second pass of <see cref="OnnxTensorReader"/>: decodes the one data field already validated to carry
    /// exactly the declared number of values, packed or unpacked.
    /// </summary>
    internal static class OnnxTensorDataDecoder
    {
        public static void Decode(ProtoReader message, OnnxTensor tensor, int source, int count)
        {
            bool floating = OnnxElementCodec.IsFloating(tensor.DataType);
            var floats = floating ? new float[count] : Array.Empty<float>();
            var integers = floating ? Array.Empty<long>() : new long[count];
            int next = 0;
            while (message.NextField())
            {
                if (message.Field != source)
                {
                    message.SkipField();
                }
                else if (source == F.Tensor.RawData)
                {
                    ReadOnlySpan<byte> raw = message.ReadBytes();
                    if (floating) OnnxElementCodec.DecodeFloats(tensor.DataType, raw, floats);
                    else OnnxElementCodec.DecodeIntegers(tensor.DataType, raw, integers);
                }
                else if (message.WireType == ProtoWireType.LengthDelimited)
                {
                    ProtoReader block = message.ReadPackedBlock();
                    while (!block.AtEnd) Store(ReadPackedValue(ref block, source), tensor.DataType, floats, integers, next++);
                }
                else
                {
                    Store(ReadSingleValue(ref message, source), tensor.DataType, floats, integers, next++);
                }
            }
            tensor.FloatData = floats;
            tensor.Int64Data = integers;
        }

        /// <summary>The value as raw bits: float/double bit patterns for fixed fields, the varint otherwise.</summary>
        private static ulong ReadPackedValue(ref ProtoReader block, int source)
        {
            if (source == F.Tensor.FloatData) return block.ReadPackedFixed32();
            if (source == F.Tensor.DoubleData) return block.ReadPackedFixed64();
            return block.ReadPackedVarint();
        }

        private static ulong ReadSingleValue(ref ProtoReader message, int source)
        {
            if (source == F.Tensor.FloatData) return unchecked((uint)BitConverter.SingleToInt32Bits(message.ReadFloat()));
            if (source == F.Tensor.DoubleData) return unchecked((ulong)BitConverter.DoubleToInt64Bits(message.ReadDouble()));
            return unchecked((ulong)message.ReadInt64());
        }

        private static void Store(ulong bits, OnnxDataType type, float[] floats, long[] integers, int index)
        {
            switch (type)
            {
                case OnnxDataType.Float: floats[index] = BitConverter.Int32BitsToSingle(unchecked((int)(uint)bits)); break;
                case OnnxDataType.Double: floats[index] = (float)BitConverter.Int64BitsToDouble(unchecked((long)bits)); break;
                case OnnxDataType.Float16: floats[index] = OnnxElementCodec.HalfToFloat(unchecked((ushort)bits)); break;
                case OnnxDataType.BFloat16: floats[index] = OnnxElementCodec.BFloat16ToFloat(unchecked((ushort)bits)); break;
                case OnnxDataType.Int64:
                case OnnxDataType.UInt64: integers[index] = unchecked((long)bits); break;
                case OnnxDataType.UInt32: integers[index] = unchecked((uint)bits); break;
                default: integers[index] = unchecked((int)bits); break;
            }
        }
    }
}
