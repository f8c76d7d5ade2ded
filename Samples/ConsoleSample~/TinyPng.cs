using System;
using System.IO;
using System.IO.Compression;

namespace VaeProcgen.Samples
{
    /// <summary>Smallest useful PNG writer: 8-bit RGBA, no filtering, one IDAT chunk.</summary>
    public static class TinyPng
    {
        private static readonly uint[] CrcTable = BuildCrcTable();

        /// <summary>PNG file bytes of RGBA32 pixels (row-major, top row first).</summary>
        public static byte[] Encode(byte[] rgba, int width, int height)
        {
            if (rgba.Length != width * height * 4) throw new ArgumentException($"{width}x{height} RGBA needs {width * height * 4} bytes, got {rgba.Length}.");
            var file = new MemoryStream();
            file.Write(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A });

            var header = new byte[13];
            WriteBigEndian(header, 0, (uint)width);
            WriteBigEndian(header, 4, (uint)height);
            header[8] = 8;  // bits per channel
            header[9] = 6;  // colour type: RGBA
            WriteChunk(file, "IHDR", header);

            var pixels = new MemoryStream();
            using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (int row = 0; row < height; row++)
                {
                    zlib.WriteByte(0); // filter: none
                    zlib.Write(rgba, row * width * 4, width * 4);
                }
            }
            WriteChunk(file, "IDAT", pixels.ToArray());
            WriteChunk(file, "IEND", Array.Empty<byte>());
            return file.ToArray();
        }

        private static void WriteChunk(Stream file, string type, byte[] data)
        {
            var typeAndData = new byte[4 + data.Length];
            for (int i = 0; i < 4; i++) typeAndData[i] = (byte)type[i];
            data.CopyTo(typeAndData, 4);
            var number = new byte[4];
            WriteBigEndian(number, 0, (uint)data.Length);
            file.Write(number);
            file.Write(typeAndData);
            WriteBigEndian(number, 0, Crc32(typeAndData));
            file.Write(number);
        }

        private static uint Crc32(byte[] bytes)
        {
            uint crc = 0xFFFFFFFF;
            foreach (byte b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
            return crc ^ 0xFFFFFFFF;
        }

        private static uint[] BuildCrcTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                table[n] = c;
            }
            return table;
        }

        private static void WriteBigEndian(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)(value >> 24);
            buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8);
            buffer[offset + 3] = (byte)value;
        }
    }
}
