using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using TorchSharp.Modules;
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
            string h = ContractNames.LatentInput;
            if (arch.IsConditional)
            {
                g.Graph.Inputs.Add(OnnxValueInfo.Batched(ContractNames.LabelInput, arch.LabelCount));
                h = g.Node("Concat", new[] { h, ContractNames.LabelInput }, null, OnnxAttribute.Of("axis", 1L));
            }
            h = Dense(g, "decoder.dense", model.DecoderDense, h);
            h = g.Node("Relu", h);
            string shape = g.Int64Constant("decoder.inner_shape", -1, arch.InnerChannels, arch.InnerHeight, arch.InnerWidth);
            h = g.Node("Reshape", new[] { h, shape });
            for (int i = 0; i < model.DecoderDeconvs.Count; i++)
            {
                ConvTranspose2d deconv = model.DecoderDeconvs[i];
                string prefix = "decoder.deconv" + i.ToString(CultureInfo.InvariantCulture);
                h = g.Node("ConvTranspose", new[] { h, g.Weight(prefix + ".weight", deconv.weight!), g.Weight(prefix + ".bias", deconv.bias!) }, null,
                    OnnxAttribute.Of("kernel_shape", 4L, 4L), OnnxAttribute.Of("strides", 2L, 2L), OnnxAttribute.Of("pads", 1L, 1L, 1L, 1L));
                h = g.Node("Relu", h);
            }
            long k = arch.OutputKernel, pad = k / 2;
            h = g.Node("Conv", new[] { h, g.Weight("decoder.output.weight", model.OutputConv.weight!), g.Weight("decoder.output.bias", model.OutputConv.bias!) }, null,
                OnnxAttribute.Of("kernel_shape", k, k), OnnxAttribute.Of("pads", pad, pad, pad, pad));
            VaeShape data = arch.Shape;
            if (data.NeedsPadding)
            {
                h = g.Node("Slice", new[]
                {
                    h,
                    g.Int64Constant("decoder.crop_starts", 0, 0),
                    g.Int64Constant("decoder.crop_ends", data.Height, data.Width),
                    g.Int64Constant("decoder.crop_axes", 2, 3),
                });
            }
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
            string h = ContractNames.DataTensor;
            if (model.PaletteEmbedding is Conv2d embedding)
            {
                h = g.Node("Conv", new[] { h, g.Weight("encoder.palette_embedding.weight", embedding.weight!), g.Weight("encoder.palette_embedding.bias", embedding.bias!) }, null,
                    OnnxAttribute.Of("kernel_shape", 1L, 1L));
            }
            for (int i = 0; i < model.EncoderConvs.Count; i++)
            {
                Conv2d conv = model.EncoderConvs[i];
                string prefix = "encoder.conv" + i.ToString(CultureInfo.InvariantCulture);
                long extraBottom = i == 0 ? data.PaddedHeight - data.Height : 0;
                long extraRight = i == 0 ? data.PaddedWidth - data.Width : 0;
                h = g.Node("Conv", new[] { h, g.Weight(prefix + ".weight", conv.weight!), g.Weight(prefix + ".bias", conv.bias!) }, null,
                    OnnxAttribute.Of("kernel_shape", 4L, 4L), OnnxAttribute.Of("strides", 2L, 2L), OnnxAttribute.Of("pads", 1L, 1L, 1 + extraBottom, 1 + extraRight));
                h = g.Node("LeakyRelu", h, null, OnnxAttribute.Of("alpha", (float)ConvVae.EncoderSlope));
            }
            h = g.Node("Flatten", h, null, OnnxAttribute.Of("axis", 1L));
            if (arch.IsConditional)
            {
                g.Graph.Inputs.Add(OnnxValueInfo.Batched(ContractNames.LabelInput, arch.LabelCount));
                h = g.Node("Concat", new[] { h, ContractNames.LabelInput }, null, OnnxAttribute.Of("axis", 1L));
            }
            Dense(g, "encoder.mu", model.MeanHead, h, ContractNames.MeanOutput);
            Dense(g, "encoder.logvar", model.LogVarianceHead, h, ContractNames.LogVarianceOutput);
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

        private static string Dense(OnnxGraphBuilder g, string prefix, Linear layer, string input, string? output = null) =>
            g.Node("Gemm", new[] { input, g.Weight(prefix + ".weight", layer.weight!), g.Weight(prefix + ".bias", layer.bias!) }, output,
                OnnxAttribute.Of("transB", 1L));

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
