using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed
{
    /// <summary>
    /// Load-time form of one node: attributes parsed and validated, constant weights pre-packed.
    /// <see cref="Prepare"/> plans one batch size: it computes output shapes (and integer values, which
    /// only depend on shapes), allocates outputs and returns the step that computes float outputs, or null
    /// when everything was already computed while planning.
    /// </summary>
    internal abstract class OpKernel
    {
        protected OpKernel(OnnxNode node) { Node = node; }

        public OnnxNode Node { get; }

        /// <summary>Plans this node; <paramref name="inputs"/>[i] is null for an omitted optional input.</summary>
        public abstract NodeStep? Prepare(TensorSlot?[] inputs, TensorSlot[] outputs, ParallelLoops pool);

        protected TensorSlot Required(TensorSlot?[] inputs, int index) =>
            index < inputs.Length && inputs[index] != null
                ? inputs[index]!
                : throw new VaeModelException($"ONNX node {Node.Describe()} is missing its required input #{index}.");
    }

    /// <summary>The run-time work of one node for one planned batch size; all buffers are bound.</summary>
    internal abstract class NodeStep
    {
        public abstract void Execute();
    }
}
