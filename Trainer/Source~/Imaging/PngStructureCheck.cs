using System;
using System.Buffers.Binary;
using VaeProcgen.Trainer.Data;

namespace VaeProcgen.Trainer.Imaging
{
    /// <summary>
    /// Checks a PNG byte stream before handing it to the decoder: signature, IHDR, declared size against a
    /// pixel limit, and that every chunk lies inside the file with a correct CRC (critical chunks) up to IEND.
    /// Allocates nothing on the happy path, so a hostile header is refused before any pixel buffer exists.
    /// </summary>
    internal static class PngStructureCheck
    {
        private static ReadOnlySpan<byte> Signature => new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 };

        /// <summary>Validates the file and returns its declared width and height.</summary>
        public static (int Width, int Height) Validate(byte[] bytes, string sourceName, long maxPixels)
        {
            if (bytes == null || bytes.Length == 0)
            {
                throw new DataLoadException($"'{sourceName}' is empty (0 bytes); replace it with a valid PNG or remove it.");
            }
            var span = bytes.AsSpan();
            if (span.Length < Signature.Length || !span.Slice(0, Signature.Length).SequenceEqual(Signature))
            {
                throw new DataLoadException($"'{sourceName}' is not a PNG file (its first bytes are not the PNG signature); convert it to PNG or remove it.");
            }
            const int ihdrEnd = 8 + 8 + 13 + 4;
            if (span.Length < ihdrEnd
                || BinaryPrimitives.ReadUInt32BigEndian(span.Slice(8, 4)) != 13
                || !span.Slice(12, 4).SequenceEqual("IHDR"u8))
            {
                throw Corrupt(sourceName, "it has no valid IHDR header");
            }
            uint width = BinaryPrimitives.ReadUInt32BigEndian(span.Slice(16, 4));
            uint height = BinaryPrimitives.ReadUInt32BigEndian(span.Slice(20, 4));
            if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue)
            {
                throw Corrupt(sourceName, $"its header declares an impossible size of {width}x{height}");
            }
            if ((ulong)width * height > (ulong)maxPixels)
            {
                throw new DataLoadException(
                    $"'{sourceName}' declares {width}x{height} pixels, more than the limit of {maxPixels} pixels; shrink the image or remove it from the data.");
            }
            CheckChunks(span, sourceName);
            return ((int)width, (int)height);
        }

        private static void CheckChunks(ReadOnlySpan<byte> span, string sourceName)
        {
            int position = 8;
            while (true)
            {
                if (span.Length - position < 12)
                {
                    throw Corrupt(sourceName, "it ends before the IEND chunk (truncated)");
                }
                uint length = BinaryPrimitives.ReadUInt32BigEndian(span.Slice(position, 4));
                if (length > (uint)(span.Length - position - 12))
                {
                    throw Corrupt(sourceName, "a chunk runs past the end of the file (truncated)");
                }
                var typeAndData = span.Slice(position + 4, 4 + (int)length);
                uint storedCrc = BinaryPrimitives.ReadUInt32BigEndian(span.Slice(position + 8 + (int)length, 4));
                bool isCritical = (typeAndData[0] & 0x20) == 0;
                if (isCritical && PngCrc32.Compute(typeAndData) != storedCrc)
                {
                    throw Corrupt(sourceName, $"chunk '{ChunkName(typeAndData)}' has a bad checksum");
                }
                if (typeAndData.Slice(0, 4).SequenceEqual("IEND"u8))
                {
                    return;
                }
                position += 12 + (int)length;
            }
        }

        private static string ChunkName(ReadOnlySpan<byte> typeAndData)
        {
            Span<char> name = stackalloc char[4];
            for (int i = 0; i < 4; i++)
            {
                byte b = typeAndData[i];
                name[i] = b >= 32 && b < 127 ? (char)b : '?';
            }
            return new string(name);
        }

        /// <summary>Builds the standard "corrupt file" error naming the file and the problem.</summary>
        public static DataLoadException Corrupt(string sourceName, string problem, Exception? inner = null)
        {
            string message = $"'{sourceName}' is a damaged PNG ({problem}); re-export it or remove it from the data.";
            return inner == null ? new DataLoadException(message) : new DataLoadException(message, inner);
        }
    }
}
