using System.Collections.Generic;

namespace VaeProcgen.Onnx
{
    /// <summary>
    /// An ONNX model (ModelProto) as a plain object tree. Not thread-safe to mutate; safe to read from
    /// several threads once built. Serialize with <see cref="OnnxSerializer"/>, read with <see cref="OnnxParser"/>.
    /// </summary>
    internal sealed class OnnxModel
    {
        /// <summary>ONNX IR version (8 matches opset 13-17).</summary>
        public long IrVersion { get; set; } = 8;
        /// <summary>Producing tool.</summary>
        public string ProducerName { get; set; } = "";
        /// <summary>Producing tool version.</summary>
        public string ProducerVersion { get; set; } = "";
        /// <summary>Model domain.</summary>
        public string Domain { get; set; } = "";
        /// <summary>Model version.</summary>
        public long ModelVersion { get; set; }
        /// <summary>Free text.</summary>
        public string DocString { get; set; } = "";
        /// <summary>Operator sets used: (domain, version); the default domain is "".</summary>
        public List<KeyValuePair<string, long>> OpsetImports { get; } = new List<KeyValuePair<string, long>>();
        /// <summary>The main graph.</summary>
        public OnnxGraph Graph { get; set; } = new OnnxGraph();
        /// <summary>Key/value metadata (metadata_props), in file order.</summary>
        public List<KeyValuePair<string, string>> MetadataProps { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>The opset version imported for the default ONNX domain, or 0 when none.</summary>
        public long DefaultOpsetVersion
        {
            get
            {
                foreach (var kv in OpsetImports)
                {
                    if (kv.Key.Length == 0 || kv.Key == "ai.onnx") return kv.Value;
                }
                return 0;
            }
        }
    }
}
