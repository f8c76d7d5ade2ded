using System;
using System.Diagnostics;
using System.IO;
using NUnit.Framework;
using VaeProcgen.Onnx;

namespace VaeProcgen.Tests.Onnx
{
    /// <summary>Malformed and hostile inputs must fail with <see cref="OnnxFormatException"/> and nothing else.</summary>
    [TestFixture]
    public class OnnxHostileInputTests
    {
        [Test]
        public void TruncationAtEveryOffset_FailsCleanly()
        {
            byte[] valid = OnnxSerializer.Serialize(OnnxTestModels.EveryFeature());
            int successes = 0;
            for (int length = 0; length < valid.Length; length++)
            {
                if (ParseOutcome(valid.AsSpan(0, length)) == null) successes++;
            }
            // Only cuts exactly between the top-level fields that follow the graph (opset_import, metadata_props) can parse.
            Assert.That(successes, Is.LessThanOrEqualTo(4));
        }

        [Test]
        public void TruncationOfTheReferenceFile_FailsCleanly()
        {
            byte[] valid = File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "onnx", "reference_model.onnx"));
            int failures = 0;
            for (int length = 0; length < valid.Length; length++)
            {
                if (ParseOutcome(valid.AsSpan(0, length)) != null) failures++;
            }
            Assert.That(failures, Is.GreaterThan(valid.Length * 9 / 10));
        }

        [Test]
        public void RandomBytesAndRandomCorruptions_FailCleanlyAndQuickly()
        {
            var random = new Random(20240611);
            byte[] valid = OnnxSerializer.Serialize(OnnxTestModels.EveryFeature());
            var timer = Stopwatch.StartNew();
            int failures = 0;
            for (int i = 0; i < 3000; i++)
            {
                byte[] bytes = new byte[random.Next(0, 300)];
                random.NextBytes(bytes);
                if (ParseOutcome(bytes) != null) failures++;
            }
            for (int i = 0; i < 3000; i++)
            {
                byte[] corrupted = (byte[])valid.Clone();
                for (int flips = random.Next(1, 4); flips > 0; flips--) corrupted[random.Next(corrupted.Length)] = (byte)random.Next(256);
                ParseOutcome(corrupted);
            }
            timer.Stop();
            Assert.That(failures, Is.GreaterThan(2900), "random bytes should almost never form a model with a graph");
            Assert.That(timer.Elapsed.TotalSeconds, Is.LessThan(5.0));
        }

        [Test]
        public void HugeDeclaredDims_WithFewBytes_AreRejectedBeforeAllocating()
        {
            byte[] bytes = ModelWithInitializer(w =>
            {
                foreach (long d in new long[] { 100000, 100000, 100000 }) w.WriteInt64(1, d);
                w.WriteInt64(2, (long)OnnxDataType.Float);
                w.WriteBytes(9, new byte[16]);
            });

            var error = Assert.Throws<OnnxFormatException>(() => OnnxParser.Parse(bytes));
            Assert.That(error!.Message, Does.Contain("100000,100000,100000"));
        }

        [Test]
        public void DimsThatOverflowInt64_AreRejected()
        {
            byte[] bytes = ModelWithInitializer(w =>
            {
                for (int i = 0; i < 4; i++) w.WriteInt64(1, long.MaxValue / 3);
                w.WriteInt64(2, (long)OnnxDataType.Float);
            });

            Assert.Throws<OnnxFormatException>(() => OnnxParser.Parse(bytes, new OnnxReadLimits { MaxTensorElements = long.MaxValue, MaxTotalElements = long.MaxValue }));
        }

        [Test]
        public void NegativeDim_IsRejected()
        {
            byte[] bytes = ModelWithInitializer(w =>
            {
                w.WriteInt64(1, -2);
                w.WriteInt64(2, (long)OnnxDataType.Float);
                w.WriteBytes(9, new byte[8]);
            });

            var error = Assert.Throws<OnnxFormatException>(() => OnnxParser.Parse(bytes));
            Assert.That(error!.Message, Does.Contain("negative dimension -2"));
        }

        [Test]
        public void DataShorterThanDeclared_IsRejected()
        {
            byte[] bytes = ModelWithInitializer(w =>
            {
                w.WriteInt64(1, 3);
                w.WriteInt64(2, (long)OnnxDataType.Float);
                w.WritePackedFloats(4, new[] { 1f, 2f });
            });

            var error = Assert.Throws<OnnxFormatException>(() => OnnxParser.Parse(bytes));
            Assert.That(error!.Message, Does.Contain("carries 2 values instead of 3"));
        }

        [Test]
        public void TooManyDims_AreRejected()
        {
            byte[] bytes = ModelWithInitializer(w =>
            {
                for (int i = 0; i < 9; i++) w.WriteInt64(1, 1);
                w.WriteInt64(2, (long)OnnxDataType.Float);
            });

            Assert.Throws<OnnxFormatException>(() => OnnxParser.Parse(bytes));
        }

        [Test]
        public void LengthPrefixOfTwoToThe40_IsReportedAsTruncated()
        {
            // ir_version = 8, then graph (field 7, wire type 2) claiming 2^40 bytes followed by only 3.
            byte[] bytes = { 0x08, 0x08, 0x3A, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20, 1, 2, 3 };

            var error = Assert.Throws<OnnxFormatException>(() => OnnxParser.Parse(bytes));
            Assert.That(error!.Message, Does.StartWith("The ONNX file is truncated: field 7 of ModelProto needs 1099511627776 bytes but only 3 remain"));
        }

        [Test]
        public void VarintLongerThanTenBytes_IsRejected()
        {
            byte[] bytes = { 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 };

            var error = Assert.Throws<OnnxFormatException>(() => OnnxParser.Parse(bytes));
            Assert.That(error!.Message, Does.Contain("field 1 of ModelProto"));
        }

        [TestCase((byte)0x0B, "group")]
        [TestCase((byte)0x0C, "group")]
        [TestCase((byte)0x0E, "unknown wire type 6")]
        [TestCase((byte)0x00, "invalid field number 0")]
        public void BadTags_AreRejected(byte tag, string expected)
        {
            byte[] bytes = { 0x08, 0x08, tag, 0x00 };

            var error = Assert.Throws<OnnxFormatException>(() => OnnxParser.Parse(bytes));
            Assert.That(error!.Message, Does.Contain(expected));
        }

        [Test]
        public void DeepNesting_IsRejectedWithoutStackOverflow()
        {
            // 2 000 nested graph attributes (node → attribute g → graph → node → ...): the parser skips sub-graphs instead of recursing.
            var w = new ProtoWriter();
            w.WriteInt64(1, 8);
            w.BeginMessage(7);
            const int levels = 2000;
            for (int i = 0; i < levels; i++) { w.BeginMessage(1); w.BeginMessage(5); w.WriteInt64(20, 5); w.BeginMessage(6); }
            for (int i = 0; i < levels; i++) { w.EndMessage(); w.EndMessage(); w.EndMessage(); }
            w.EndMessage();
            byte[] bytes = w.ToArray();

            OnnxModel model = OnnxParser.Parse(bytes);
            Assert.That(model.Graph.Nodes[0].Attributes[0].Type, Is.EqualTo(OnnxAttributeType.Graph));
        }

        [Test]
        public void NestingDeeperThanMaxDepth_IsRejected()
        {
            byte[] bytes = OnnxSerializer.Serialize(OnnxTestModels.EveryFeature());

            var error = Assert.Throws<OnnxFormatException>(() => OnnxParser.Parse(bytes, new OnnxReadLimits { MaxDepth = 2 }));
            Assert.That(error!.Message, Does.Contain("deeper than 2 levels"));
        }

        [Test]
        public void TooManyNodes_AreRejected()
        {
            byte[] bytes = OnnxSerializer.Serialize(OnnxTestModels.EveryFeature());

            Assert.Throws<OnnxFormatException>(() => OnnxParser.Parse(bytes, new OnnxReadLimits { MaxNodes = 1 }));
        }

        [Test]
        public void TooManyListEntries_AreRejected()
        {
            var w = new ProtoWriter();
            w.WriteInt64(1, 8);
            w.BeginMessage(7);
            w.BeginMessage(1);
            for (int i = 0; i < 1001; i++) w.WriteString(1, "");
            w.EndMessage();
            w.EndMessage();
            byte[] bytes = w.ToArray();

            var error = Assert.Throws<OnnxFormatException>(() => OnnxParser.Parse(bytes, new OnnxReadLimits { MaxListEntries = 1000 }));
            Assert.That(error!.Message, Does.Contain("more than 1000 list entries"));
        }

        [Test]
        public void ExternalTensor_IsDescribedButNotRead()
        {
            byte[] bytes = ModelWithInitializer(w =>
            {
                w.WriteInt64(1, 1000);
                w.WriteInt64(2, (long)OnnxDataType.Float);
                w.WriteString(8, "ext");
                w.BeginMessage(13); w.WriteString(1, "location"); w.WriteString(2, "/etc/does-not-matter.bin"); w.EndMessage();
                w.WriteInt64(14, 1);
            });

            OnnxTensor tensor = OnnxParser.Parse(bytes).Graph.Initializers[0];

            Assert.That(tensor.IsExternal, Is.True);
            Assert.That(tensor.FloatData, Is.Empty);
            Assert.That(tensor.ExternalData[0].Value, Is.EqualTo("/etc/does-not-matter.bin"));
        }

        [Test]
        public void UnpackedAndPackedTypedData_DecodeToTheSameValues()
        {
            byte[] unpacked = ModelWithInitializer(w =>
            {
                w.WriteInt64(1, 3);
                w.WriteInt64(2, (long)OnnxDataType.Float);
                foreach (float f in new[] { 1.5f, -2f, 8f }) w.WriteFloat(4, f);
            });
            byte[] packed = ModelWithInitializer(w =>
            {
                w.WriteInt64(1, 3);
                w.WriteInt64(2, (long)OnnxDataType.Float);
                w.WritePackedFloats(4, new[] { 1.5f, -2f, 8f });
            });
            byte[] unpackedInts = ModelWithInitializer(w =>
            {
                w.WriteInt64(1, 2);
                w.WriteInt64(2, (long)OnnxDataType.Int64);
                w.WriteInt64(7, -4);
                w.WriteInt64(7, 5);
            });

            Assert.That(OnnxParser.Parse(unpacked).Graph.Initializers[0].FloatData, Is.EqualTo(new[] { 1.5f, -2f, 8f }).Within(0f));
            Assert.That(OnnxParser.Parse(packed).Graph.Initializers[0].FloatData, Is.EqualTo(new[] { 1.5f, -2f, 8f }).Within(0f));
            Assert.That(OnnxParser.Parse(unpackedInts).Graph.Initializers[0].Int64Data, Is.EqualTo(new long[] { -4, 5 }));
        }

        /// <summary>Null when the bytes parse; the exception otherwise. Any exception other than OnnxFormatException fails the test.</summary>
        private static OnnxFormatException? ParseOutcome(ReadOnlySpan<byte> bytes)
        {
            try
            {
                OnnxParser.Parse(bytes);
                return null;
            }
            catch (OnnxFormatException e)
            {
                Assert.That(e.Message, Does.StartWith("The ONNX"));
                return e;
            }
        }

        private static byte[] ModelWithInitializer(Action<ProtoWriter> writeTensor)
        {
            var w = new ProtoWriter();
            w.WriteInt64(1, 8);
            w.BeginMessage(7);
            w.BeginMessage(5);
            writeTensor(w);
            w.EndMessage();
            w.EndMessage();
            return w.ToArray();
        }
    }
}
