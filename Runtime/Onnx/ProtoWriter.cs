using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace VaeProcgen.Onnx
{
    /// <summary>
    /// Writes the protobuf wire format. A nested message is written between <see cref="BeginMessage"/> and
    /// <see cref="EndMessage"/> into its own buffer (reused per nesting level), then copied behind its
    /// length prefix into the parent once its size is known.
    /// </summary>
    internal sealed class ProtoWriter
    {
        private readonly List<ProtoBuffer> _levels = new List<ProtoBuffer> { new ProtoBuffer() };
        private readonly List<int> _openFields = new List<int>();

        private ProtoBuffer Current => _levels[_openFields.Count];

        public void WriteInt64(int field, long value)
        {
            WriteTag(field, ProtoWireType.Varint);
            Current.WriteVarint(unchecked((ulong)value));
        }

        public void WriteFloat(int field, float value)
        {
            WriteTag(field, ProtoWireType.Fixed32);
            Current.WriteFixed32(unchecked((uint)BitConverter.SingleToInt32Bits(value)));
        }

        public void WriteDouble(int field, double value)
        {
            WriteTag(field, ProtoWireType.Fixed64);
            Current.WriteFixed64(unchecked((ulong)BitConverter.DoubleToInt64Bits(value)));
        }

        public void WriteString(int field, string value) => WriteBytes(field, Encoding.UTF8.GetBytes(value));

        public void WriteBytes(int field, ReadOnlySpan<byte> value)
        {
            WriteTag(field, ProtoWireType.LengthDelimited);
            Current.WriteVarint((ulong)value.Length);
            Current.WriteRaw(value);
        }

        public void WritePackedInt64s(int field, IReadOnlyList<long> values)
        {
            int size = 0;
            foreach (long v in values) size += ProtoBuffer.VarintSize(unchecked((ulong)v));
            WriteTag(field, ProtoWireType.LengthDelimited);
            Current.WriteVarint((ulong)size);
            foreach (long v in values) Current.WriteVarint(unchecked((ulong)v));
        }

        public void WritePackedFloats(int field, IReadOnlyList<float> values)
        {
            WriteTag(field, ProtoWireType.LengthDelimited);
            Current.WriteVarint((ulong)values.Count * 4);
            foreach (float v in values) Current.WriteFixed32(unchecked((uint)BitConverter.SingleToInt32Bits(v)));
        }

        public void WritePackedDoubles(int field, IReadOnlyList<double> values)
        {
            WriteTag(field, ProtoWireType.LengthDelimited);
            Current.WriteVarint((ulong)values.Count * 8);
            foreach (double v in values) Current.WriteFixed64(unchecked((ulong)BitConverter.DoubleToInt64Bits(v)));
        }

        /// <summary>Starts a nested message; everything written until <see cref="EndMessage"/> goes inside it.</summary>
        public void BeginMessage(int field)
        {
            _openFields.Add(field);
            if (_levels.Count <= _openFields.Count) _levels.Add(new ProtoBuffer());
            Current.Clear();
        }

        /// <summary>Closes the innermost message opened by <see cref="BeginMessage"/>.</summary>
        public void EndMessage()
        {
            if (_openFields.Count == 0) throw new InvalidOperationException("EndMessage without BeginMessage.");
            ProtoBuffer body = Current;
            int field = _openFields[_openFields.Count - 1];
            _openFields.RemoveAt(_openFields.Count - 1);
            WriteBytes(field, body.Written);
            body.Clear();
        }

        public byte[] ToArray()
        {
            EnsureComplete();
            return _levels[0].Written.ToArray();
        }

        public void CopyTo(Stream stream)
        {
            EnsureComplete();
            stream.Write(_levels[0].Written);
        }

        private void EnsureComplete()
        {
            if (_openFields.Count != 0) throw new InvalidOperationException("A nested message was not closed.");
        }

        private void WriteTag(int field, ProtoWireType wireType) =>
            Current.WriteVarint(((ulong)(uint)field << 3) | (uint)wireType);

        private sealed class ProtoBuffer
        {
            private byte[] _bytes = new byte[256];
            private int _length;

            public ReadOnlySpan<byte> Written => new ReadOnlySpan<byte>(_bytes, 0, _length);

            public void Clear() => _length = 0;

            public static int VarintSize(ulong value)
            {
                int size = 1;
                while (value >= 0x80) { value >>= 7; size++; }
                return size;
            }

            public void WriteVarint(ulong value)
            {
                Reserve(10);
                while (value >= 0x80)
                {
                    _bytes[_length++] = (byte)(value | 0x80);
                    value >>= 7;
                }
                _bytes[_length++] = (byte)value;
            }

            public void WriteFixed32(uint value)
            {
                Reserve(4);
                BinaryPrimitives.WriteUInt32LittleEndian(_bytes.AsSpan(_length), value);
                _length += 4;
            }

            public void WriteFixed64(ulong value)
            {
                Reserve(8);
                BinaryPrimitives.WriteUInt64LittleEndian(_bytes.AsSpan(_length), value);
                _length += 8;
            }

            public void WriteRaw(ReadOnlySpan<byte> data)
            {
                Reserve(data.Length);
                data.CopyTo(_bytes.AsSpan(_length));
                _length += data.Length;
            }

            private void Reserve(int extra)
            {
                long needed = (long)_length + extra;
                if (needed <= _bytes.Length) return;
                const long maxMessage = int.MaxValue - 64;
                if (needed > maxMessage)
                    throw new InvalidOperationException("The ONNX model is larger than the 2 GB protobuf limit; store large tensors as external data.");
                long grown = Math.Min(maxMessage, Math.Max(needed, (long)_bytes.Length * 2));
                Array.Resize(ref _bytes, (int)grown);
            }
        }
    }
}
