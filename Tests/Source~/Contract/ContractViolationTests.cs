using System;
using System.Collections.Generic;
using NUnit.Framework;
using VaeProcgen.Backends;
using VaeProcgen.Contract;
using VaeProcgen.Onnx;
using VaeProcgen.Tests.EndToEnd;
using VaeProcgen.Trainer.Models;

namespace VaeProcgen.Tests.Contract
{
    /// <summary>Exported files whose metadata breaks the contract are refused with a message naming key, expected and found values.</summary>
    [TestFixture]
    public class ContractViolationTests
    {
        private byte[] decoder = null!;
        private byte[] encoder = null!;

        [OneTimeSetUp]
        public void ExportModel()
        {
            using ConvVae model = TinyModels.CreateUntrained(VaePreset.Tiny, TinyModels.LatentSize, seed: 3);
            var metadata = TinyModels.Metadata(model, "fingerprint-a");
            decoder = TinyModels.DecoderBytes(model, metadata);
            encoder = TinyModels.EncoderBytes(model, metadata);
        }

        private static byte[] WithMetadata(byte[] file, Action<List<KeyValuePair<string, string>>> edit)
        {
            OnnxModel parsed = OnnxParser.Parse(file);
            edit(parsed.MetadataProps);
            return OnnxSerializer.Serialize(parsed);
        }

        private static byte[] WithValue(byte[] file, string key, string value) => WithMetadata(file, props =>
        {
            int index = props.FindIndex(p => p.Key == key);
            Assert.That(index, Is.GreaterThanOrEqualTo(0), $"the exported file has no '{key}' to modify");
            props[index] = new KeyValuePair<string, string>(key, value);
        });

        private static VaeModelException LoadFails(byte[] decoderFile, byte[]? encoderFile = null) =>
            Assert.Throws<VaeModelException>(() => VaeModel.Load(decoderFile, encoderFile, new VaeModelOptions { Backend = Backend.Managed }).Dispose())!;

        [Test]
        public void UnmodifiedExport_Loads()
        {
            using VaeModel model = VaeModel.Load(decoder, encoder, new VaeModelOptions { Backend = Backend.Managed });
            Assert.That(model.LatentSize, Is.EqualTo(TinyModels.LatentSize));
            Assert.That(model.Contract.DatasetFingerprint, Is.EqualTo("fingerprint-a"));
        }

        [Test]
        public void WrongContractVersion_IsRefused()
        {
            var e = LoadFails(WithValue(decoder, ContractNames.KeyContractVersion, "99"));
            Assert.That(e.Message, Does.Contain(ContractNames.KeyContractVersion));
            Assert.That(e.Message, Does.Contain("'99'"));
            Assert.That(e.Message, Does.Contain("expects " + ContractNames.CurrentVersion));
        }

        [Test]
        public void MissingKey_IsRefused()
        {
            var e = LoadFails(WithMetadata(decoder, props => props.RemoveAll(p => p.Key == ContractNames.KeyModelKind)));
            Assert.That(e.Message, Does.Contain(ContractNames.DecoderFileName));
            Assert.That(e.Message, Does.Contain("no '" + ContractNames.KeyModelKind + "'"));
        }

        [Test]
        public void WrongGraphRole_IsRefused()
        {
            var e = LoadFails(WithValue(decoder, ContractNames.KeyGraphRole, ContractNames.RoleEncoder));
            Assert.That(e.Message, Does.Contain(ContractNames.KeyGraphRole));
            Assert.That(e.Message, Does.Contain("is 'encoder'"));
            Assert.That(e.Message, Does.Contain("expects 'decoder'"));
        }

        [Test]
        public void LatentSizeDisagreeingWithGraphInput_IsRefused()
        {
            var e = LoadFails(WithValue(decoder, ContractNames.KeyLatentSize, "9"));
            Assert.That(e.Message, Does.Contain(ContractNames.KeyLatentSize));
            Assert.That(e.Message, Does.Contain("'" + ContractNames.LatentInput + "'"));
            Assert.That(e.Message, Does.Contain("[N,8]"), "found shape");
            Assert.That(e.Message, Does.Contain("[N,9]"), "expected shape");
        }

        [Test]
        public void EncoderOfModelWithOtherLatentSize_IsRefused()
        {
            using ConvVae other = TinyModels.CreateUntrained(VaePreset.Tiny, 16, seed: 4);
            byte[] otherEncoder = TinyModels.EncoderBytes(other, TinyModels.Metadata(other, "fingerprint-a"));
            var e = LoadFails(decoder, otherEncoder);
            Assert.That(e.Message, Does.Contain(ContractNames.EncoderFileName));
            Assert.That(e.Message, Does.Contain(ContractNames.KeyLatentSize));
            Assert.That(e.Message, Does.Contain("is '16'"));
            Assert.That(e.Message, Does.Contain("says '8'"));
        }

        [Test]
        public void EncoderTrainedOnOtherData_IsRefused()
        {
            var e = LoadFails(decoder, WithValue(encoder, ContractNames.KeyDatasetFingerprint, "fingerprint-b"));
            Assert.That(e.Message, Does.Contain(ContractNames.KeyDatasetFingerprint));
            Assert.That(e.Message, Does.Contain("is 'fingerprint-b'"));
            Assert.That(e.Message, Does.Contain("says 'fingerprint-a'"));
        }
    }
}
