using System;
using System.Buffers.Binary;

namespace VaeProcgen.Onnx
{
    /// <summary>Converts tensor elements between the object model and little-endian raw_data bytes.</summary>
    internal static class OnnxElementCodec
    {
        /// <summary>Bytes per element in raw_data, or 0 for a type VaeProcgen cannot hold.</summary>
        public static int ElementSize(OnnxDataType type)
        {
            switch (type)
            {
                case OnnxDataType.UInt8:
                case OnnxDataType.Int8:
                case OnnxDataType.Bool:
                    return 1;
                case OnnxDataType.UInt16:
                case OnnxDataType.Int16:
                case OnnxDataType.Float16:
                case OnnxDataType.BFloat16:
                    return 2;
                case OnnxDataType.Float:
                case OnnxDataType.Int32:
                case OnnxDataType.UInt32:
                    return 4;
                case OnnxDataType.Double:
                case OnnxDataType.Int64:
                case OnnxDataType.UInt64:
                    return 8;
                default:
                    return 0;
            }
        }

        /// <summary>True for types held in <see cref="OnnxTensor.FloatData"/>; false for <see cref="OnnxTensor.Int64Data"/>.</summary>
        public static bool IsFloating(OnnxDataType type) =>
            type == OnnxDataType.Float || type == OnnxDataType.Double || type == OnnxDataType.Float16 || type == OnnxDataType.BFloat16;

        public static void DecodeFloats(OnnxDataType type, ReadOnlySpan<byte> raw, float[] target)
        {
            int size = ElementSize(type);
            for (int i = 0; i < target.Length; i++)
            {
                ReadOnlySpan<byte> e = raw.Slice(i * size, size);
                switch (type)
                {
                    case OnnxDataType.Float: target[i] = BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadInt32LittleEndian(e)); break;
                    case OnnxDataType.Double: target[i] = (float)BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(e)); break;
                    case OnnxDataType.Float16: target[i] = HalfToFloat(BinaryPrimitives.ReadUInt16LittleEndian(e)); break;
                    default: target[i] = BFloat16ToFloat(BinaryPrimitives.ReadUInt16LittleEndian(e)); break;
                }
            }
        }

        public static void DecodeIntegers(OnnxDataType type, ReadOnlySpan<byte> raw, long[] target)
        {
            int size = ElementSize(type);
            for (int i = 0; i < target.Length; i++)
            {
                ReadOnlySpan<byte> e = raw.Slice(i * size, size);
                switch (type)
                {
                    case OnnxDataType.UInt8: case OnnxDataType.Bool: target[i] = e[0]; break;
                    case OnnxDataType.Int8: target[i] = unchecked((sbyte)e[0]); break;
                    case OnnxDataType.UInt16: target[i] = BinaryPrimitives.ReadUInt16LittleEndian(e); break;
                    case OnnxDataType.Int16: target[i] = BinaryPrimitives.ReadInt16LittleEndian(e); break;
                    case OnnxDataType.Int32: target[i] = BinaryPrimitives.ReadInt32LittleEndian(e); break;
                    case OnnxDataType.UInt32: target[i] = BinaryPrimitives.ReadUInt32LittleEndian(e); break;
                    default: target[i] = BinaryPrimitives.ReadInt64LittleEndian(e); break;
                }
            }
        }

        /// <summary>Encodes the tensor's values as raw_data for its declared type.</summary>
        public static byte[] EncodeRaw(OnnxTensor tensor)
        {
            OnnxDataType type = tensor.DataType;
            int size = ElementSize(type);
            bool floating = IsFloating(type);
            int count = floating ? tensor.FloatData.Length : tensor.Int64Data.Length;
            var raw = new byte[checked(count * size)];
            for (int i = 0; i < count; i++)
            {
                Span<byte> e = raw.AsSpan(i * size, size);
                if (floating) EncodeFloat(type, tensor.FloatData[i], e);
                else EncodeInteger(type, tensor.Int64Data[i], e);
            }
            return raw;
        }

        private static void EncodeFloat(OnnxDataType type, float value, Span<byte> e)
        {
            switch (type)
            {
                case OnnxDataType.Float: BinaryPrimitives.WriteInt32LittleEndian(e, BitConverter.SingleToInt32Bits(value)); break;
                case OnnxDataType.Double: BinaryPrimitives.WriteInt64LittleEndian(e, BitConverter.DoubleToInt64Bits(value)); break;
                case OnnxDataType.Float16: BinaryPrimitives.WriteUInt16LittleEndian(e, FloatToHalf(value)); break;
                default: BinaryPrimitives.WriteUInt16LittleEndian(e, FloatToBFloat16(value)); break;
            }
        }

        private static void EncodeInteger(OnnxDataType type, long value, Span<byte> e)
        {
            switch (e.Length)
            {
                case 1: e[0] = unchecked((byte)value); break;
                case 2: BinaryPrimitives.WriteUInt16LittleEndian(e, unchecked((ushort)value)); break;
                case 4: BinaryPrimitives.WriteUInt32LittleEndian(e, unchecked((uint)value)); break;
                default: BinaryPrimitives.WriteInt64LittleEndian(e, value); break;
            }
        }

        public static float HalfToFloat(ushort half)
        {
            int sign = half >> 15;
            int exponent = (half >> 10) & 0x1F;
            int mantissa = half & 0x3FF;
            float magnitude;
            if (exponent == 0) magnitude = mantissa * (1f / 16777216f);
            else if (exponent == 31) magnitude = mantissa == 0 ? float.PositiveInfinity : float.NaN;
            else magnitude = BitConverter.Int32BitsToSingle(((exponent - 15 + 127) << 23) | (mantissa << 13));
            return sign == 0 ? magnitude : -magnitude;
        }

        /// <summary>Rounds to the nearest half-precision value (ties to even).</summary>
        public static ushort FloatToHalf(float value)
        {
            uint bits = unchecked((uint)BitConverter.SingleToInt32Bits(value));
            uint sign = (bits >> 16) & 0x8000;
            int exponent = (int)((bits >> 23) & 0xFF);
            uint mantissa = bits & 0x7FFFFF;
            if (exponent == 255) return (ushort)(sign | 0x7C00 | (mantissa != 0 ? 0x200u : 0u));
            int halfExponent = exponent - 127 + 15;
            if (halfExponent >= 31) return (ushort)(sign | 0x7C00);
            if (halfExponent <= 0)
            {
                if (halfExponent < -10) return (ushort)sign;
                return (ushort)(sign | RoundShift(mantissa | 0x800000, 14 - halfExponent));
            }
            return (ushort)(sign | RoundShift(((uint)halfExponent << 23) | mantissa, 13));
        }

        public static float BFloat16ToFloat(ushort value) => BitConverter.Int32BitsToSingle(value << 16);

        public static ushort FloatToBFloat16(float value)
        {
            if (float.IsNaN(value)) return 0x7FC0;
            uint bits = unchecked((uint)BitConverter.SingleToInt32Bits(value));
            return (ushort)(RoundShift(bits, 16) & 0xFFFF);
        }

        private static uint RoundShift(uint value, int shift)
        {
            uint kept = value >> shift;
            uint rest = value & ((1u << shift) - 1);
            uint halfway = 1u << (shift - 1);
            if (rest > halfway || (rest == halfway && (kept & 1) != 0)) kept++;
            return kept;
        }
    }
}
