using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using VaeProcgen.Trainer.Data;

namespace VaeProcgen.Tests.Reliability
{
    /// <summary>Real and deliberately broken PNG files for the bad-data tests.</summary>
    internal static class PngBytes
    {
        private static readonly byte[] Signature = { 137, 80, 78, 71, 13, 10, 26, 10 };

        /// <summary>The first <paramref name="count"/> embedded sprites (relative path, bytes).</summary>
        public static IReadOnlyList<(string RelativePath, byte[] Bytes)> Embedded(int count) => EmbeddedData.ReadSprites().Take(count).ToList();

        /// <summary>A PNG made of the signature and an IHDR (valid CRC) declaring the given size, then an empty IEND.</summary>
        public static byte[] HeaderOnly(int width, int height)
        {
            using var stream = new MemoryStream();
            stream.Write(Signature);
            var ihdr = new byte[13];
            BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
            BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
            ihdr[8] = 8;
            ihdr[9] = 6;
            WriteChunk(stream, "IHDR", ihdr);
            WriteChunk(stream, "IDAT", new byte[] { 0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 });
            WriteChunk(stream, "IEND", Array.Empty<byte>());
            return stream.ToArray();
        }

        private static void WriteChunk(Stream stream, string type, byte[] data)
        {
            var header = new byte[8];
            BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
            Encoding.ASCII.GetBytes(type, 0, 4, header, 4);
            stream.Write(header);
            stream.Write(data);
            var crc = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(header.AsSpan(4), data));
            stream.Write(crc);
        }

        private static uint Crc32(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
        {
            uint crc = 0xFFFFFFFFu;
            void Add(ReadOnlySpan<byte> bytes)
            {
                foreach (byte b in bytes)
                {
                    crc ^= b;
                    for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
                }
            }
            Add(type);
            Add(data);
            return crc ^ 0xFFFFFFFFu;
        }
    }
}
