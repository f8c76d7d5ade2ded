using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace VaeProcgen.Tests.Imaging
{
    /// <summary>
    /// A deliberately plain, slow PNG decoder written only for tests (all colour types, 1-16 bit, Adam7),
    /// used as an independent check of the production decoder. 16-bit samples keep their high byte;
    /// fully transparent pixels get RGB 0, matching the loader's rule.
    /// </summary>
    internal static class ReferencePngDecoder
    {
        private static readonly (int X0, int Y0, int DX, int DY)[] Adam7 =
        {
            (0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2),
        };

        public static byte[] DecodeRgba(byte[] png)
        {
            var (width, height, bitDepth, colorType, interlace) = TestPng.ReadHeader(png);
            var chunks = TestPng.ReadChunks(png);
            byte[] palette = chunks.FirstOrDefault(c => c.Type == "PLTE").Data ?? Array.Empty<byte>();
            byte[]? transparency = chunks.FirstOrDefault(c => c.Type == "tRNS").Data;
            byte[] raw = Inflate(chunks.Where(c => c.Type == "IDAT").SelectMany(c => c.Data).ToArray());
            int channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => throw new InvalidDataException() };
            var output = new byte[width * height * 4];
            int position = 0;
            var passes = interlace == 1 ? Adam7 : new[] { (0, 0, 1, 1) };
            foreach (var (x0, y0, dx, dy) in passes)
            {
                int passWidth = (width - x0 + dx - 1) / dx;
                int passHeight = (height - y0 + dy - 1) / dy;
                if (passWidth <= 0 || passHeight <= 0) continue;
                int rowBytes = (passWidth * channels * bitDepth + 7) / 8;
                int pixelBytes = Math.Max(1, channels * bitDepth / 8);
                var previous = new byte[rowBytes];
                for (int py = 0; py < passHeight; py++)
                {
                    int filter = raw[position];
                    var row = raw.AsSpan(position + 1, rowBytes).ToArray();
                    position += 1 + rowBytes;
                    Unfilter(filter, row, previous, pixelBytes);
                    for (int px = 0; px < passWidth; px++)
                    {
                        int target = ((y0 + py * dy) * width + x0 + px * dx) * 4;
                        WritePixel(row, px, channels, bitDepth, colorType, palette, transparency, output.AsSpan(target, 4));
                    }
                    previous = row;
                }
            }
            return output;
        }

        private static void WritePixel(byte[] row, int x, int channels, int bitDepth, int colorType,
            byte[] palette, byte[]? transparency, Span<byte> rgba)
        {
            int Sample(int c)
            {
                int index = x * channels + c;
                if (bitDepth == 16) return (row[index * 2] << 8) | row[index * 2 + 1];
                if (bitDepth == 8) return row[index];
                int bitOffset = index * bitDepth;
                return (row[bitOffset / 8] >> (8 - bitDepth - bitOffset % 8)) & ((1 << bitDepth) - 1);
            }
            byte To8(int sample) => bitDepth == 16 ? (byte)(sample >> 8) : (byte)(sample * 255 / ((1 << bitDepth) - 1));
            int TransparentSample(int i) => (transparency![i * 2] << 8) | transparency[i * 2 + 1];

            switch (colorType)
            {
                case 3:
                {
                    int index = Sample(0);
                    rgba[0] = palette[index * 3];
                    rgba[1] = palette[index * 3 + 1];
                    rgba[2] = palette[index * 3 + 2];
                    rgba[3] = transparency != null && index < transparency.Length ? transparency[index] : (byte)255;
                    break;
                }
                case 0:
                {
                    int grey = Sample(0);
                    rgba[0] = rgba[1] = rgba[2] = To8(grey);
                    rgba[3] = transparency != null && grey == TransparentSample(0) ? (byte)0 : (byte)255;
                    break;
                }
                case 4:
                    rgba[0] = rgba[1] = rgba[2] = To8(Sample(0));
                    rgba[3] = To8(Sample(1));
                    break;
                case 2:
                {
                    int r = Sample(0), g = Sample(1), b = Sample(2);
                    rgba[0] = To8(r);
                    rgba[1] = To8(g);
                    rgba[2] = To8(b);
                    bool keyed = transparency != null && r == TransparentSample(0) && g == TransparentSample(1) && b == TransparentSample(2);
                    rgba[3] = keyed ? (byte)0 : (byte)255;
                    break;
                }
                case 6:
                    for (int c = 0; c < 4; c++) rgba[c] = To8(Sample(c));
                    break;
            }
            if (rgba[3] == 0)
            {
                rgba[0] = rgba[1] = rgba[2] = 0;
            }
        }

        private static void Unfilter(int filter, byte[] row, byte[] previous, int pixelBytes)
        {
            for (int i = 0; i < row.Length; i++)
            {
                int left = i >= pixelBytes ? row[i - pixelBytes] : 0;
                int up = previous[i];
                int upLeft = i >= pixelBytes ? previous[i - pixelBytes] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"filter {filter}"),
                };
                row[i] = (byte)(row[i] + predictor);
            }
        }

        private static int Paeth(int a, int b, int c)
        {
            int p = a + b - c;
            int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }

        private static byte[] Inflate(byte[] zlibData)
        {
            using var input = new ZLibStream(new MemoryStream(zlibData), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            return output.ToArray();
        }
    }
}
