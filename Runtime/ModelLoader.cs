using System;
using System.IO;
using VaeProcgen.Backends;
using VaeProcgen.Contract;
using VaeProcgen.Onnx;

namespace VaeProcgen
{
    /// <summary>Reads, checks and opens the decoder and encoder files of a model folder.</summary>
    internal static class ModelLoader
    {
        /// <summary>Test hook: sees every parsed model, so a test can check what a loaded <see cref="VaeModel"/> keeps alive.</summary>
        internal static Action<OnnxModel>? ParsedForTests;

        public static byte[] ReadFile(string path, long maxBytes)
        {
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    throw new VaeModelException($"Model file '{path}' does not exist; pass the folder that 'vaeprocgen train' wrote (it holds {ContractNames.DecoderFileName}).");
                }
                if (info.Length > maxBytes)
                {
                    throw new VaeModelException($"Model file '{path}' is {info.Length} bytes, above the limit of {maxBytes}; raise VaeModelOptions.ReadLimits.MaxFileBytes if the file is trusted.");
                }
                return File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                throw new VaeModelException($"Model file '{path}' cannot be read ({e.Message}); check the path and its permissions.", e);
            }
        }

        public static (ModelContract Contract, OnnxModel Parsed) Inspect(byte[] bytes, string fileName, string role, OnnxReadLimits limits)
        {
            OnnxModel parsed;
            try
            {
                parsed = OnnxParser.Parse(bytes, limits);
            }
            catch (OnnxFormatException e)
            {
                throw new VaeModelException($"{fileName} is not a readable ONNX model: {e.Message}", e);
            }
            ParsedForTests?.Invoke(parsed);
            ModelContract contract = ModelContract.Read(ModelFileCheck.Metadata(parsed), fileName, role);
            ModelFileCheck.RequireSafeWeights(parsed, fileName);
            return (contract, parsed);
        }

        public static ModelGraph OpenDecoder(byte[] bytes, OnnxModel parsed, ModelContract contract, VaeModelOptions options)
        {
            string file = ContractNames.DecoderFileName;
            long[] latentShape = { contract.LatentSize };
            long[] dataShape = { contract.Channels, contract.Height, contract.Width };
            ModelFileCheck.RequireTensor(parsed.Graph.Inputs, ContractNames.LatentInput, latentShape, file, "input", ContractNames.KeyLatentSize);
            ModelFileCheck.RequireTensor(parsed.Graph.Outputs, ContractNames.DataTensor, dataShape, file, "output", ContractNames.KeyOutputShape);
            string[] inputs = contract.IsConditional ? new[] { ContractNames.LatentInput, ContractNames.LabelInput } : new[] { ContractNames.LatentInput };
            long[][] inputShapes = contract.IsConditional ? new[] { latentShape, new long[] { contract.ClassLabels.Count } } : new[] { latentShape };
            if (contract.IsConditional)
            {
                ModelFileCheck.RequireTensor(parsed.Graph.Inputs, ContractNames.LabelInput, inputShapes[1], file, "input", ContractNames.KeyClassLabels);
            }
            var spec = new GraphSpec(file, bytes, parsed, inputs, inputShapes, new[] { ContractNames.DataTensor }, new[] { dataShape });
            return Open(spec, options);
        }

        public static ModelGraph OpenEncoder(byte[] bytes, OnnxModel parsed, ModelContract contract, VaeModelOptions options)
        {
            string file = ContractNames.EncoderFileName;
            long[] latentShape = { contract.LatentSize };
            long[] dataShape = { contract.Channels, contract.Height, contract.Width };
            ModelFileCheck.RequireTensor(parsed.Graph.Inputs, ContractNames.DataTensor, dataShape, file, "input", ContractNames.KeyOutputShape);
            ModelFileCheck.RequireTensor(parsed.Graph.Outputs, ContractNames.MeanOutput, latentShape, file, "output", ContractNames.KeyLatentSize);
            ModelFileCheck.RequireTensor(parsed.Graph.Outputs, ContractNames.LogVarianceOutput, latentShape, file, "output", ContractNames.KeyLatentSize);
            string[] inputs = contract.IsConditional ? new[] { ContractNames.DataTensor, ContractNames.LabelInput } : new[] { ContractNames.DataTensor };
            long[][] inputShapes = contract.IsConditional ? new[] { dataShape, new long[] { contract.ClassLabels.Count } } : new[] { dataShape };
            var spec = new GraphSpec(file, bytes, parsed, inputs, inputShapes,
                new[] { ContractNames.MeanOutput, ContractNames.LogVarianceOutput }, new[] { latentShape, latentShape });
            return Open(spec, options);
        }

        private static ModelGraph Open(GraphSpec spec, VaeModelOptions options)
        {
            IGraphSession session = GraphSessionFactory.Open(spec, options.Backend, options.Threads);
            var graph = new ModelGraph(session, spec.FileName);
            try
            {
                graph.Probe();
                return graph;
            }
            catch
            {
                graph.Dispose();
                throw;
            }
        }
    }
}
