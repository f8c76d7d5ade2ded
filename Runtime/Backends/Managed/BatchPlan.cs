namespace VaeProcgen.Backends.Managed
{
    /// <summary>Everything one batch size needs: a slot per value and a bound step per node (null = nothing to do at run time).</summary>
    internal sealed class BatchPlan
    {
        public BatchPlan(int batch, TensorSlot[] slots, NodeStep?[] steps)
        {
            Batch = batch;
            Slots = slots;
            Steps = steps;
        }

        public int Batch { get; }
        public TensorSlot[] Slots { get; }
        public NodeStep?[] Steps { get; }
    }
}
