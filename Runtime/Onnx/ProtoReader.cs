using System;
using System.Buffers.Binary;
using System.Text;

namespace VaeProcgen.Onnx
{
    /// <summary>
    /// A bounds-checked reader of one protobuf message. Every read checks the remaining bytes first and
    /// reports problems as <see cref="OnnxFormatException"/> naming the field and message being read.
    /// </summary>
    internal ref struct ProtoReader
    {
        private const int MaxVarintBytes = 10;
        private readonly ReadOnlySpan<byte> _data;
        private readonly int _maxDepth;
        private int _position;

        public ProtoReader(ReadOnlySpan<byte> data, string messageName, int depth, int maxDepth)
        {
            if (depth > maxDepth)
                throw new OnnxFormatException($"The ONNX file nests messages deeper than {maxDepth} levels at {messageName}; the file is malformed or hostile.");
            _data = data;
            _position = 0;
            MessageName = messageName;
            Depth = depth;
            _maxDepth = maxDepth;
            Field = 0;
            WireType = ProtoWireType.Varint;
        }

        public string MessageName { get; }
        public int Depth { get; }
        /// <summary>Field number of the tag read last.</summary>
        public int Field { get; private set; }
        /// <summary>Wire type of the tag read last.</summary>
        public ProtoWireType WireType { get; private set; }
        private int Remaining => _data.Length - _position;

        /// <summary>Reads the next tag, or returns false at the end of the message.</summary>
        public bool NextField()
        {
            if (_position >= _data.Length) return false;
            Field = 0;
            ulong tag = ReadRawVarint();
            ulong number = tag >> 3;
            if (number == 0 || number > 536_870_911)
                throw Malformed($"a field tag in {MessageName} has the invalid field number {number}");
            Field = (int)number;
            WireType = (ProtoWireType)(int)(tag & 7);
            switch (WireType)
            {
                case ProtoWireType.Varint:
                case ProtoWireType.Fixed64:
                case ProtoWireType.LengthDelimited:
                case ProtoWireType.Fixed32:
                    return true;
                case ProtoWireType.StartGroup:
                case ProtoWireType.EndGroup:
                    throw Malformed($"field {Field} of {MessageName} uses the deprecated group encoding, which ONNX never writes");
                default:
                    throw Malformed($"field {Field} of {MessageName} has the unknown wire type {(int)WireType}");
            }
        }

        public long ReadInt64()
        {
            Expect(ProtoWireType.Varint);
            return unchecked((long)ReadRawVarint());
        }

        /// <summary>Reads an int32/enum varint; out-of-range values are truncated as protobuf specifies.</summary>
        public int ReadInt32() => unchecked((int)ReadInt64());

        public float ReadFloat()
        {
            Expect(ProtoWireType.Fixed32);
            return BitConverter.Int32BitsToSingle(unchecked((int)ReadRawFixed32()));
        }

        public double ReadDouble()
        {
            Expect(ProtoWireType.Fixed64);
            return BitConverter.Int64BitsToDouble(unchecked((long)ReadRawFixed64()));
        }

        public ReadOnlySpan<byte> ReadBytes()
        {
            Expect(ProtoWireType.LengthDelimited);
            ulong length = ReadRawVarint();
            if (length > (ulong)Remaining) throw Truncated(length);
            ReadOnlySpan<byte> slice = _data.Slice(_position, (int)length);
            _position += (int)length;
            return slice;
        }

        public string ReadString() => Encoding.UTF8.GetString(ReadBytes());

        /// <summary>Reads a nested message field and returns a reader over its bytes, one level deeper.</summary>
        public ProtoReader ReadMessage(string childName)
        {
            string parent = MessageName;
            int field = Field;
            ReadOnlySpan<byte> body = ReadBytes();
            return new ProtoReader(body, childName + " (field " + field + " of " + parent + ")", Depth + 1, _maxDepth);
        }

        /// <summary>Reads a packed repeated field and returns a reader over its values that reports errors as that field.</summary>
        public ProtoReader ReadPackedBlock()
        {
            int field = Field;
            ReadOnlySpan<byte> body = ReadBytes();
            var block = new ProtoReader(body, MessageName, Depth, _maxDepth);
            block.Field = field;
            return block;
        }

        /// <summary>Number of bytes left in a packed block (used to count elements before allocating).</summary>
        public int BytesLeft => Remaining;

        /// <summary>Counts varints in the rest of a packed block without decoding them.</summary>
        public long CountPackedVarints()
        {
            long count = 0;
            for (int i = _position; i < _data.Length; i++)
            {
                if (_data[i] < 0x80) count++;
            }
            if (_data.Length > _position && _data[_data.Length - 1] >= 0x80)
                throw Malformed($"the packed values of field {Field} of {MessageName} end inside a varint");
            return count;
        }

        /// <summary>Reads one value from a packed block created by <see cref="ReadPackedBlock"/>.</summary>
        public ulong ReadPackedVarint() => ReadRawVarint();
        public uint ReadPackedFixed32() => ReadRawFixed32();
        public ulong ReadPackedFixed64() => ReadRawFixed64();
        public bool AtEnd => _position >= _data.Length;

        /// <summary>Skips the value of the field whose tag was read last.</summary>
        public void SkipField()
        {
            switch (WireType)
            {
                case ProtoWireType.Varint: ReadRawVarint(); break;
                case ProtoWireType.Fixed64: Advance(8); break;
                case ProtoWireType.Fixed32: Advance(4); break;
                case ProtoWireType.LengthDelimited: ReadBytes(); break;
                default: throw Malformed($"field {Field} of {MessageName} cannot be skipped");
            }
        }

        public OnnxFormatException Malformed(string what) =>
            new OnnxFormatException($"The ONNX file is malformed: {what}; re-export the model.");

        private void Expect(ProtoWireType expected)
        {
            if (WireType != expected)
                throw Malformed($"field {Field} of {MessageName} has wire type {(int)WireType} but {(int)expected} was expected");
        }

        private ulong ReadRawVarint()
        {
            ulong result = 0;
            for (int i = 0; i < MaxVarintBytes; i++)
            {
                if (_position >= _data.Length) throw Truncated((ulong)i + 1);
                byte b = _data[_position++];
                if (i == MaxVarintBytes - 1 && b > 1)
                    throw Malformed($"a varint in {Describe()} does not fit in 64 bits");
                result |= (ulong)(b & 0x7F) << (7 * i);
                if (b < 0x80) return result;
            }
            throw Malformed($"a varint in {Describe()} is longer than {MaxVarintBytes} bytes");
        }

        private uint ReadRawFixed32()
        {
            Advance(4);
            return BinaryPrimitives.ReadUInt32LittleEndian(_data.Slice(_position - 4));
        }

        private ulong ReadRawFixed64()
        {
            Advance(8);
            return BinaryPrimitives.ReadUInt64LittleEndian(_data.Slice(_position - 8));
        }

        private void Advance(int count)
        {
            if (count > Remaining) throw Truncated((ulong)count);
            _position += count;
        }

        private string Describe() => Field == 0 ? "a field tag of " + MessageName : $"field {Field} of {MessageName}";

        private OnnxFormatException Truncated(ulong needed) =>
            new OnnxFormatException($"The ONNX file is truncated: {Describe()} needs {needed} bytes but only {Remaining} remain; re-export the model.");
    }
}
