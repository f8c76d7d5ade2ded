namespace VaeProcgen.Backends.Managed
{
    /// <summary>
    /// Everything one batch size needs: a slot per value, a bound step per node (null = nothing to do at run time),
    /// and the graph's input and output tensors, which are the buffers the session hands to its caller.
    /// </summary>
    internal sealed class BatchPlan
    {
        public BatchPlan(int batch, TensorSlot[] slots, NodeStep?[] steps, TensorSlot[] inputs, float[][] outputs, int[] outputLengths)
        {
            Batch = batch;
            Slots = slots;
            Steps = steps;
            Inputs = inputs;
            Outputs = outputs;
            OutputLengths = outputLengths;
        }

        public int Batch { get; }
        public TensorSlot[] Slots { get; }
        public NodeStep?[] Steps { get; }

        /// <summary>The graph inputs' tensors (float, exactly sized), written by the caller.</summary>
        public TensorSlot[] Inputs { get; }

        /// <summary>
        /// The graph outputs' storage: the output tensor's own float array, or, for an integer output (known once
        /// the batch size is planned), its values converted to float at planning time.
        /// </summary>
        public float[][] Outputs { get; }

        /// <summary>Number of values of each output.</summary>
        public int[] OutputLengths { get; }
    }
}
