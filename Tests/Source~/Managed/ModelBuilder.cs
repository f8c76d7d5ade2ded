using System;
using System.Collections.Generic;
using VaeProcgen.Backends.Managed;
using VaeProcgen.Onnx;

namespace VaeProcgen.Tests.Managed
{
    /// <summary>Builds small ONNX graphs in code and runs them on the managed backend.</summary>
    internal sealed class ModelBuilder
    {
        private readonly OnnxModel _model = new OnnxModel();
        private int _nodeCount;

        public ModelBuilder(long opset = 17)
        {
            _model.OpsetImports.Add(new KeyValuePair<string, long>("", opset));
            _model.ProducerName = "VaeProcgen.Tests";
        }

        public ModelBuilder Input(string name, params long[] perItemShape) { _model.Graph.Inputs.Add(OnnxValueInfo.Batched(name, perItemShape)); return this; }

        public ModelBuilder Output(string name, params long[] perItemShape) { _model.Graph.Outputs.Add(OnnxValueInfo.Batched(name, perItemShape)); return this; }

        public ModelBuilder Init(string name, long[] dims, float[] values) { _model.Graph.Initializers.Add(OnnxTensor.FromFloats(name, dims, values)); return this; }

        public ModelBuilder InitInts(string name, params long[] values) { _model.Graph.Initializers.Add(OnnxTensor.FromInt64s(name, new long[] { values.Length }, values)); return this; }

        public ModelBuilder InitScalarInt(string name, long value) { _model.Graph.Initializers.Add(OnnxTensor.FromInt64s(name, new long[0], new[] { value })); return this; }

        public ModelBuilder Node(string op, string[] inputs, string[] outputs, params OnnxAttribute[] attributes)
        {
            var node = new OnnxNode { OpType = op, Name = op.ToLowerInvariant() + "_" + _nodeCount++ };
            node.Inputs.AddRange(inputs);
            node.Outputs.AddRange(outputs);
            node.Attributes.AddRange(attributes);
            _model.Graph.Nodes.Add(node);
            return this;
        }

        public OnnxModel Build() => _model;

        public static float[] Random(int seed, int count, float scale = 1f)
        {
            var rng = new Random(seed);
            var values = new float[count];
            for (int i = 0; i < count; i++) values[i] = (float)(rng.NextDouble() * 2 - 1) * scale;
            return values;
        }

        /// <summary>Runs a single-input model and returns its first output.</summary>
        public static float[] RunManaged(OnnxModel model, int batch, params float[][] inputs) => RunManaged(model, batch, new ManagedSessionOptions(), inputs)[0];

        public static float[][] RunManaged(OnnxModel model, int batch, ManagedSessionOptions options, float[][] inputs)
        {
            using var session = new ManagedGraphSession(model, options);
            return RunSession(session, batch, inputs);
        }

        /// <summary>Writes <paramref name="inputs"/> into the session's input buffers, runs, and returns copies of its outputs.</summary>
        public static float[][] RunSession(ManagedGraphSession session, int batch, float[][] inputs)
        {
            for (int i = 0; i < inputs.Length; i++) inputs[i].AsSpan().CopyTo(session.Input(batch, i));
            session.Run(batch);
            var results = new float[session.OutputNames.Count][];
            for (int j = 0; j < results.Length; j++) results[j] = session.Output(batch, j).ToArray();
            return results;
        }

        public static void AssertClose(float[] expected, float[] actual, float tolerance)
        {
            NUnit.Framework.Assert.That(actual.Length, NUnit.Framework.Is.EqualTo(expected.Length), "length");
            float worst = 0f;
            int worstIndex = -1;
            for (int i = 0; i < expected.Length; i++)
            {
                float diff = Math.Abs(expected[i] - actual[i]);
                if (!(diff <= worst)) { worst = diff; worstIndex = i; }
            }
            NUnit.Framework.Assert.That(worst, NUnit.Framework.Is.LessThanOrEqualTo(tolerance),
                $"max abs diff {worst} at {worstIndex}");
        }
    }
}
