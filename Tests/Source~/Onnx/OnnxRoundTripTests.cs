using System;
using System.IO;
using NUnit.Framework;
using VaeProcgen.Onnx;

namespace VaeProcgen.Tests.Onnx
{
    [TestFixture]
    public class OnnxRoundTripTests
    {
        [Test]
        public void SerializeThenParse_ReturnsEveryFieldUnchanged()
        {
            OnnxModel original = OnnxTestModels.EveryFeature();

            OnnxModel parsed = OnnxParser.Parse(OnnxSerializer.Serialize(original));

            OnnxModelAssert.AreEqual(original, parsed);
        }

        [Test]
        public void WriteTo_WritesTheSameBytesAsSerialize()
        {
            OnnxModel model = OnnxTestModels.EveryFeature();
            using var stream = new MemoryStream();

            OnnxSerializer.WriteTo(model, stream);

            Assert.That(stream.ToArray(), Is.EqualTo(OnnxSerializer.Serialize(model)));
        }

        [Test]
        public void ParseFromPath_ReadsTheFileAndRefusesFilesAboveTheSizeCap()
        {
            byte[] bytes = OnnxSerializer.Serialize(OnnxTestModels.EveryFeature());
            string path = Path.Combine(Path.GetTempPath(), $"vaeprocgen-roundtrip-{System.Guid.NewGuid():N}.onnx");
            File.WriteAllBytes(path, bytes);
            try
            {
                Assert.That(OnnxParser.Parse(path).Graph.Initializers, Has.Count.EqualTo(15));
                var tooSmall = new OnnxReadLimits { MaxFileBytes = bytes.Length - 1 };
                var error = Assert.Throws<OnnxFormatException>(() => OnnxParser.Parse(path, tooSmall));
                Assert.That(error!.Message, Does.Contain("above the limit"));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Test]
        public void ParseFromMissingPath_ThrowsOnnxFormatException()
        {
            string path = Path.Combine(Path.GetTempPath(), "vaeprocgen-does-not-exist.onnx");

            Assert.Throws<OnnxFormatException>(() => OnnxParser.Parse(path));
        }

        [Test]
        public void FloatAndInt64Tensors_AreStoredAsLittleEndianRawData()
        {
            var model = new OnnxModel();
            model.Graph.Initializers.Add(OnnxTensor.FromFloats("f", new long[] { 1 }, new[] { 1f }));
            model.Graph.Initializers.Add(OnnxTensor.FromInt64s("i", new long[] { 1 }, new[] { 258L }));

            byte[] bytes = OnnxSerializer.Serialize(model);

            // raw_data is field 9, wire type 2 (tag 0x4A), followed by its length and the little-endian value.
            Assert.That(IndexOf(bytes, new byte[] { 0x4A, 4, 0x00, 0x00, 0x80, 0x3F }), Is.GreaterThanOrEqualTo(0));
            Assert.That(IndexOf(bytes, new byte[] { 0x4A, 8, 0x02, 0x01, 0, 0, 0, 0, 0, 0 }), Is.GreaterThanOrEqualTo(0));
        }

        private static int IndexOf(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Length; i++)
            {
                if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
            }
            return -1;
        }
    }
}
