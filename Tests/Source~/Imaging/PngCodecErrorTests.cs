using System;
using System.Buffers.Binary;
using System.IO;
using NUnit.Framework;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Tests.Imaging
{
    [TestFixture]
    public class PngCodecErrorTests
    {
        private static byte[] ValidPng() => TestPng.Build(2, 2, 8, 6, new[] { new byte[8], new byte[8] });

        [Test]
        public void HugeHeader_IsRefusedBeforeAllocating()
        {
            byte[] png = TestPng.HeaderOnly(100000, 100000);
            PngCodec.Decode(ValidPng(), "warm-up.png"); // JIT and static tables outside the measured window
            Assert.Throws<DataLoadException>(() => PngCodec.Decode(TestPng.HeaderOnly(100000, 100000), "warm-up-huge.png"));

            long before = GC.GetAllocatedBytesForCurrentThread();
            DataLoadException? caught = null;
            try
            {
                PngCodec.Decode(png, "huge.png");
            }
            catch (DataLoadException ex)
            {
                caught = ex;
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.That(caught, Is.Not.Null);
            Assert.That(caught!.Message, Does.Contain("huge.png").And.Contain("100000x100000").And.Contain("limit"));
            Assert.That(allocated, Is.LessThan(256 * 1024), "no pixel buffer may be allocated for a hostile header");
        }

        [Test]
        public void CustomPixelLimit_IsApplied()
        {
            var png = TestPng.Build(4, 4, 8, 0, new[] { new byte[4], new byte[4], new byte[4], new byte[4] });
            Assert.That(PngCodec.Decode(png, "ok.png", 16).Width, Is.EqualTo(4));
            var ex = Assert.Throws<DataLoadException>(() => PngCodec.Decode(png, "small-limit.png", 15));
            Assert.That(ex!.Message, Does.Contain("small-limit.png").And.Contain("4x4"));
        }

        [Test]
        public void ZeroByteFile_NamesTheFile()
        {
            var ex = Assert.Throws<DataLoadException>(() => PngCodec.Decode(Array.Empty<byte>(), "empty.png"));
            Assert.That(ex!.Message, Does.Contain("empty.png").And.Contain("empty"));
        }

        [Test]
        public void RandomBytes_NamesTheFile()
        {
            var bytes = new byte[500];
            new Random(1234).NextBytes(bytes);
            var ex = Assert.Throws<DataLoadException>(() => PngCodec.Decode(bytes, "noise.png"));
            Assert.That(ex!.Message, Does.Contain("noise.png").And.Contain("not a PNG"));
        }

        [Test]
        public void TruncatedFiles_NameTheFile([Values(8, 20, 40, 0.5, 0.9)] double cut)
        {
            byte[] whole = EmbeddedData.ReadSprites()[0].Bytes;
            int length = cut < 1 ? (int)(whole.Length * cut) : (int)cut;
            var ex = Assert.Throws<DataLoadException>(() => PngCodec.Decode(whole.AsSpan(0, length).ToArray(), "cut.png"));
            Assert.That(ex!.Message, Does.Contain("cut.png"));
        }

        [Test]
        public void CorruptPixelData_NamesTheFile()
        {
            byte[] png = ValidPng();
            // Overwrite the IDAT payload with garbage and fix its CRC so only the zlib stream is bad.
            var chunks = TestPng.ReadChunks(png);
            using var rebuilt = new MemoryStream();
            rebuilt.Write(TestPng.Signature);
            foreach (var (type, data) in chunks)
            {
                TestPng.WriteChunk(rebuilt, type, type == "IDAT" ? new byte[] { 0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0xFF } : data);
            }
            var ex = Assert.Throws<DataLoadException>(() => PngCodec.Decode(rebuilt.ToArray(), "garbled.png"));
            Assert.That(ex!.Message, Does.Contain("garbled.png"));
        }

        [Test]
        public void BadCriticalChunkChecksum_NamesTheFile()
        {
            byte[] png = ValidPng();
            int idatCrcEnd = png.Length - 12; // IEND is the last 12 bytes; the IDAT CRC ends just before it
            png[idatCrcEnd - 1] ^= 0xFF;
            var ex = Assert.Throws<DataLoadException>(() => PngCodec.Decode(png, "crc.png"));
            Assert.That(ex!.Message, Does.Contain("crc.png").And.Contain("checksum"));
        }

        [Test]
        public void HeaderClaimingZeroWidth_IsCorrupt()
        {
            var ex = Assert.Throws<DataLoadException>(() => PngCodec.Decode(TestPng.HeaderOnly(0, 5), "zero.png"));
            Assert.That(ex!.Message, Does.Contain("zero.png").And.Contain("0x5"));
        }
    }
}
