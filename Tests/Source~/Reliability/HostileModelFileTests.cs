using System;
using System.Collections.Generic;
using System.IO;
using NUnit.Framework;
using VaeProcgen.Backends;
using VaeProcgen.Contract;
using VaeProcgen.Onnx;
using VaeProcgen.Tests.Imaging;
using F = VaeProcgen.Onnx.OnnxFieldNumbers;

namespace VaeProcgen.Tests.Reliability
{
    /// <summary>
    /// Broken and hostile decoder files: every one is refused with a <see cref="VaeModelException"/> (or subclass)
    /// whose message says what is wrong, on both backends, without crashing, hanging or allocating the declared sizes.
    /// </summary>
    [TestFixture(Backend.OnnxRuntime)]
    [TestFixture(Backend.Managed)]
    public class HostileModelFileTests
    {
        private readonly Backend backend;

        public HostileModelFileTests(Backend backend) => this.backend = backend;

        private VaeModelException Refused(byte[] decoder, byte[]? encoder = null)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var e = Assert.Throws(Is.InstanceOf<VaeModelException>(), () => VaeModel.Load(decoder, encoder, new VaeModelOptions { Backend = backend }).Dispose());
            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(64L * 1024 * 1024), "no huge allocation");
            Assert.That(e!.Message, Is.Not.Empty);
            return (VaeModelException)e;
        }

        private static byte[] Edited(Action<OnnxModel> edit)
        {
            OnnxModel model = TinyModelFiles.ParsedDecoder();
            edit(model);
            return TinyModelFiles.Bytes(model);
        }

        [Test]
        public void TheUneditedModel_Loads()
        {
            using VaeModel model = VaeModel.Load(TinyModelFiles.Decoder, TinyModelFiles.Encoder, new VaeModelOptions { Backend = backend });
            Assert.That(model.Backend, Is.EqualTo(backend));
        }

        [TestCase(0)]
        [TestCase(1)]
        [TestCase(10)]
        [TestCase(1000)]
        public void Truncated_IsRefused(int keep)
        {
            byte[] full = TinyModelFiles.Decoder;
            Assert.That(Refused(full.AsSpan(0, Math.Min(keep, full.Length)).ToArray()).Message, Does.Contain("decoder.onnx").Or.Contain("ONNX"));
        }

        [Test]
        public void TruncatedNearTheEnd_IsRefused()
        {
            byte[] full = TinyModelFiles.Decoder;
            Refused(full.AsSpan(0, full.Length * 3 / 4).ToArray());
        }

        [Test]
        public void RandomBytes_AreRefused()
        {
            var random = new Random(5);
            for (int i = 0; i < 50; i++)
            {
                var bytes = new byte[random.Next(1, 4096)];
                random.NextBytes(bytes);
                Refused(bytes);
            }
        }

        [Test]
        public void WrongContractVersion_IsRefused() =>
            Assert.That(Refused(Edited(m => TinyModelFiles.SetMetadata(m, ContractNames.KeyContractVersion, "99"))).Message, Does.Contain("99"));

        [TestCase(ContractNames.KeyContractVersion)]
        [TestCase(ContractNames.KeyLatentSize)]
        [TestCase(ContractNames.KeyOutputShape)]
        [TestCase(ContractNames.KeyModelKind)]
        public void MissingKey_IsRefusedNamingTheKey(string key) =>
            Assert.That(Refused(Edited(m => TinyModelFiles.SetMetadata(m, key, null))).Message, Does.Contain(key));

        [TestCase(float.NaN)]
        [TestCase(float.PositiveInfinity)]
        [TestCase(float.NegativeInfinity)]
        public void NonFiniteWeight_IsRefused(float value) =>
            Assert.That(Refused(Edited(m => TinyModelFiles.LargestWeight(m).FloatData[3] = value)).Message, Does.Contain("NaN or infinite"));

        [Test]
        public void LatentSizeDisagreeingWithTheGraph_IsRefused() =>
            Assert.That(Refused(Edited(m => TinyModelFiles.SetMetadata(m, ContractNames.KeyLatentSize, "5"))).Message, Does.Contain("shape"));

        [Test]
        public void OutputShapeDisagreeingWithTheGraph_IsRefused() =>
            Assert.That(Refused(Edited(m => TinyModelFiles.SetMetadata(m, ContractNames.KeyOutputShape, "4x16x16"))).Message, Does.Contain("shape"));

        [Test]
        public void EncoderOfAnotherModel_IsRefused()
        {
            byte[] otherEncoder = TinyModelFiles.Encoder;
            OnnxModel parsed = OnnxParser.Parse(otherEncoder);
            TinyModelFiles.SetMetadata(parsed, ContractNames.KeyLatentSize, "6");
            Refused(TinyModelFiles.Decoder, TinyModelFiles.Bytes(parsed));
        }

        [Test]
        public void HugeDeclaredTensor_IsRefusedWithoutAllocating()
        {
            // Hand-written protobuf: the project's writer refuses to produce such a tensor, a hostile file need not.
            var w = new ProtoWriter();
            w.WriteInt64(F.Model.IrVersion, 8);
            w.BeginMessage(F.Model.Graph);
            w.BeginMessage(F.Graph.Initializer);
            foreach (long d in new long[] { 1L << 20, 1L << 20, 1L << 20 }) w.WriteInt64(F.Tensor.Dims, d);
            w.WriteInt64(F.Tensor.DataType, (long)OnnxDataType.Float);
            w.WriteString(F.Tensor.Name, "huge");
            w.WriteBytes(F.Tensor.RawData, new byte[4]);
            w.EndMessage();
            w.EndMessage();
            Assert.That(Refused(w.ToArray()).Message, Does.Contain("huge").And.Contain("limit"));
        }

        [Test]
        public void NodeCountAboveTheLimit_IsRefused()
        {
            var options = new VaeModelOptions { Backend = backend, ReadLimits = new OnnxReadLimits { MaxNodes = 3 } };
            var e = Assert.Throws<VaeModelException>(() => VaeModel.Load(TinyModelFiles.Decoder, null, options).Dispose());
            Assert.That(e!.Message, Does.Contain("more than 3 nodes"));
            Assert.That(e.InnerException, Is.InstanceOf<OnnxFormatException>());
        }

        [TestCase("weights.bin")]
        [TestCase("../../etc/passwd")]
        [TestCase("/etc/shadow")]
        public void ExternalData_IsRefusedBeforeAnyFileIsOpened(string location)
        {
            using var folder = new ScratchFolder();
            byte[] decoder = Edited(m =>
            {
                OnnxTensor t = TinyModelFiles.LargestWeight(m);
                t.IsExternal = true;
                t.FloatData = Array.Empty<float>();
                t.ExternalData.Add(new KeyValuePair<string, string>("location", location));
                t.ExternalData.Add(new KeyValuePair<string, string>("offset", "0"));
            });
            File.WriteAllBytes(Path.Combine(folder.Path, ContractNames.DecoderFileName), decoder);
            var e = Assert.Throws(Is.InstanceOf<VaeModelException>(), () => VaeModel.Load(folder.Path, new VaeModelOptions { Backend = backend }).Dispose());
            Assert.That(e!.Message, Does.Contain("external"));
        }

        [Test]
        public void CustomOperatorFromAnotherDomain_IsRefused()
        {
            // ONNX has no code, but runtimes can load custom-op libraries; a node from an unknown domain must never run.
            byte[] decoder = Edited(m =>
            {
                OnnxNode node = m.Graph.Nodes[0];
                node.OpType = "PyFunc";
                node.Domain = "ai.onnx.contrib";
            });
            Refused(decoder);
        }

        [Test]
        public void MissingModelFolderAndFile_AreRefused()
        {
            using var folder = new ScratchFolder();
            Assert.Throws<VaeModelException>(() => VaeModel.Load(Path.Combine(folder.Path, "absent")));
            Assert.That(Assert.Throws<VaeModelException>(() => VaeModel.Load(folder.Path))!.Message, Does.Contain(ContractNames.DecoderFileName));
        }
    }
}
