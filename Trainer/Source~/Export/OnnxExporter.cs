using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using VaeProcgen.Contract;
using VaeProcgen.Onnx;
using VaeProcgen.Trainer.Models;

namespace VaeProcgen.Trainer.Export
{
    /// <summary>
    /// Turns a trained <see cref="ConvVae"/> into decoder and encoder ONNX models (opset 13, dynamic batch,
    /// weights as initializers, the contract in metadata_props). Pure translation: no Python, no tracing.
    /// </summary>
    internal static class OnnxExporter
    {
        /// <summary>Default ONNX opset of exported files.</summary>
        public const long Opset = 13;

        /// <summary>Builds the decoder: z [N,K] (+ label [N,L]) -> x [N,C,H,W] (probabilities / values in [0,1]).</summary>
        public static OnnxModel BuildDecoder(ConvVae model, ExportMetadata metadata)
        {
            VaeArchitecture arch = model.Architecture;
            var g = new OnnxGraphBuilder("vaeprocgen_decoder");
            g.Graph.Inputs.Add(OnnxValueInfo.Batched(ContractNames.LatentInput, arch.LatentSize));
            if (arch.IsConditional)
            {
                g.Graph.Inputs.Add(OnnxValueInfo.Batched(ContractNames.LabelInput, arch.LabelCount));
            }
            string h = model.DecoderLogits(new OnnxLayerOps(g), ContractNames.LatentInput, ContractNames.LabelInput);
            VaeShape data = arch.Shape;
            if (metadata.Likelihood == Likelihood.Categorical)
            {
                g.Node("Softmax", h, ContractNames.DataTensor, OnnxAttribute.Of("axis", 1L));
            }
            else
            {
                g.Node("Sigmoid", h, ContractNames.DataTensor);
            }
            g.Graph.Outputs.Add(OnnxValueInfo.Batched(ContractNames.DataTensor, data.Channels, data.Height, data.Width));
            return Wrap(g.Graph, model, metadata, ContractNames.RoleDecoder);
        }

        /// <summary>Builds the encoder: x [N,C,H,W] (+ label [N,L]) -> mu [N,K], logvar [N,K].</summary>
        public static OnnxModel BuildEncoder(ConvVae model, ExportMetadata metadata)
        {
            VaeArchitecture arch = model.Architecture;
            VaeShape data = arch.Shape;
            var g = new OnnxGraphBuilder("vaeprocgen_encoder");
            g.Graph.Inputs.Add(OnnxValueInfo.Batched(ContractNames.DataTensor, data.Channels, data.Height, data.Width));
            if (arch.IsConditional)
            {
                g.Graph.Inputs.Add(OnnxValueInfo.Batched(ContractNames.LabelInput, arch.LabelCount));
            }
            var (mean, logVariance) = model.Encoder(new OnnxLayerOps(g), ContractNames.DataTensor, ContractNames.LabelInput);
            g.Node("Identity", mean, ContractNames.MeanOutput);
            g.Node("Identity", logVariance, ContractNames.LogVarianceOutput);
            g.Graph.Outputs.Add(OnnxValueInfo.Batched(ContractNames.MeanOutput, arch.LatentSize));
            g.Graph.Outputs.Add(OnnxValueInfo.Batched(ContractNames.LogVarianceOutput, arch.LatentSize));
            return Wrap(g.Graph, model, metadata, ContractNames.RoleEncoder);
        }

        /// <summary>The contract key/value pairs for one file of this model.</summary>
        public static List<KeyValuePair<string, string>> ContractProperties(VaeArchitecture arch, ExportMetadata metadata, string role)
        {
            var props = new List<KeyValuePair<string, string>>();
            void Add(string key, string value) => props.Add(new KeyValuePair<string, string>(key, value));
            Add(ContractNames.KeyContractVersion, ContractNames.CurrentVersion.ToString(CultureInfo.InvariantCulture));
            Add(ContractNames.KeyGraphRole, role);
            Add(ContractNames.KeyModelKind, ContractFormat.FormatKind(metadata.Kind));
            Add(ContractNames.KeyLatentSize, arch.LatentSize.ToString(CultureInfo.InvariantCulture));
            Add(ContractNames.KeyOutputShape, ContractFormat.FormatShape(arch.Shape.Channels, arch.Shape.Height, arch.Shape.Width));
            Add(ContractNames.KeyLikelihood, ContractFormat.FormatLikelihood(metadata.Likelihood));
            if (metadata.Likelihood == Likelihood.Gaussian) Add(ContractNames.KeyGaussianSigma, metadata.GaussianSigma.ToString("R", CultureInfo.InvariantCulture));
            Add(ContractNames.KeyChannels, ContractFormat.FormatChannels(metadata.Kind, metadata.Likelihood));
            Add(ContractNames.KeyConditional, arch.IsConditional ? "true" : "false");
            Add(ContractNames.KeyClassLabels, JsonSerializer.Serialize(metadata.ClassLabels));
            if (metadata.TileLegendJson != null) Add(ContractNames.KeyTileLegend, metadata.TileLegendJson);
            if (metadata.TilePatterns2x2 != null) Add(ContractNames.KeyTilePatterns2x2, metadata.TilePatterns2x2);
            if (metadata.TileCounts != null) Add(ContractNames.KeyTileCounts, metadata.TileCounts);
            if (metadata.Kind == ModelKind.Tiles) Add(ContractNames.KeyLevelLayout, ContractFormat.FormatLevelLayout(metadata.LevelLayout));
            if (metadata.PaletteJson != null) Add(ContractNames.KeyPalette, metadata.PaletteJson);
            if (metadata.LatentPrior != null && role == ContractNames.RoleDecoder) Add(ContractNames.KeyLatentPrior, metadata.LatentPrior.ToContractValue());
            Add(ContractNames.KeyTrainerVersion, TrainerVersion);
            Add(ContractNames.KeyDatasetFingerprint, metadata.DatasetFingerprint);
            Add(ContractNames.KeyPreset, metadata.Preset);
            return props;
        }

        /// <summary>Version string of this trainer build.</summary>
        public static string TrainerVersion =>
            typeof(OnnxExporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0";

        private static OnnxModel Wrap(OnnxGraph graph, ConvVae model, ExportMetadata metadata, string role)
        {
            var onnx = new OnnxModel
            {
                IrVersion = 8,
                ProducerName = "vaeprocgen",
                ProducerVersion = TrainerVersion,
                Graph = graph,
                DocString = $"VaeProcgen {role} ({metadata.Preset}, latent {model.Architecture.LatentSize})",
            };
            onnx.OpsetImports.Add(new KeyValuePair<string, long>("", Opset));
            onnx.MetadataProps.AddRange(ContractProperties(model.Architecture, metadata, role));
            return onnx;
        }
    }
}
