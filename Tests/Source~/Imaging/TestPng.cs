using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace VaeProcgen.Tests.Imaging
{
    /// <summary>Writes and walks PNG files byte by byte for tests, independently of the code under test.</summary>
    internal static class TestPng
    {
        public static readonly byte[] Signature = { 137, 80, 78, 71, 13, 10, 26, 10 };

        /// <summary>Builds a non-interlaced PNG from unfiltered rows (filter type 0 is written before each row).</summary>
        public static byte[] Build(int width, int height, int bitDepth, int colorType, IReadOnlyList<byte[]> rows,
            byte[]? palette = null, byte[]? transparency = null)
        {
            using var output = new MemoryStream();
            output.Write(Signature);
            var header = new byte[13];
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(0), (uint)width);
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
            header[8] = (byte)bitDepth;
            header[9] = (byte)colorType;
            WriteChunk(output, "IHDR", header);
            if (palette != null) WriteChunk(output, "PLTE", palette);
            if (transparency != null) WriteChunk(output, "tRNS", transparency);
            WriteChunk(output, "IDAT", Compress(rows));
            WriteChunk(output, "IEND", Array.Empty<byte>());
            return output.ToArray();
        }

        /// <summary>Just the signature and an IHDR claiming the given size (plus IEND), no pixel data.</summary>
        public static byte[] HeaderOnly(uint width, uint height)
        {
            using var output = new MemoryStream();
            output.Write(Signature);
            var header = new byte[13];
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(0), width);
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), height);
            header[8] = 8;
            header[9] = 6;
            WriteChunk(output, "IHDR", header);
            WriteChunk(output, "IEND", Array.Empty<byte>());
            return output.ToArray();
        }

        public static void WriteChunk(Stream output, string type, byte[] data)
        {
            var lengthBytes = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(lengthBytes, (uint)data.Length);
            output.Write(lengthBytes);
            var typeAndData = new byte[4 + data.Length];
            Encoding.ASCII.GetBytes(type).CopyTo(typeAndData, 0);
            data.CopyTo(typeAndData, 4);
            output.Write(typeAndData);
            var crc = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
            output.Write(crc);
        }

        /// <summary>All chunks of a PNG file as (type, data).</summary>
        public static List<(string Type, byte[] Data)> ReadChunks(byte[] png)
        {
            var chunks = new List<(string, byte[])>();
            int position = 8;
            while (position + 12 <= png.Length)
            {
                int length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position));
                string type = Encoding.ASCII.GetString(png, position + 4, 4);
                chunks.Add((type, png.AsSpan(position + 8, length).ToArray()));
                position += 12 + length;
                if (type == "IEND") break;
            }
            return chunks;
        }

        /// <summary>(width, height, bit depth, colour type, interlace) read from IHDR.</summary>
        public static (int Width, int Height, int BitDepth, int ColorType, int Interlace) ReadHeader(byte[] png)
        {
            var data = ReadChunks(png)[0].Data;
            return ((int)BinaryPrimitives.ReadUInt32BigEndian(data), (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(4)),
                data[8], data[9], data[12]);
        }

        public static uint Crc32(ReadOnlySpan<byte> bytes)
        {
            uint crc = 0xFFFFFFFF;
            foreach (byte b in bytes)
            {
                crc ^= b;
                for (int k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
                }
            }
            return ~crc;
        }

        private static byte[] Compress(IReadOnlyList<byte[]> rows)
        {
            using var compressed = new MemoryStream();
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                foreach (var row in rows)
                {
                    zlib.WriteByte(0);
                    zlib.Write(row);
                }
            }
            return compressed.ToArray();
        }
    }
}
