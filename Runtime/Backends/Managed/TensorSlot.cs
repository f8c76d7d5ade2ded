using System;

namespace VaeProcgen.Backends.Managed
{
    /// <summary>
    /// One value of the graph for one planned batch size: its shape and either float storage (data that flows
    /// at run time) or int64 storage (shape arithmetic, evaluated once when the batch size is planned).
    /// Several slots may share one float array (views such as Reshape); kernels never write their inputs.
    /// </summary>
    internal sealed class TensorSlot
    {
        public TensorSlot(int[] shape, float[]? floats, long[]? ints)
        {
            Shape = shape;
            Floats = floats;
            Ints = ints;
        }

        public int[] Shape { get; }
        public float[]? Floats { get; }
        public long[]? Ints { get; }
        public bool IsInt => Ints != null;
        public int Length => ShapeMath.Count(Shape);
        public int Rank => Shape.Length;

        public static TensorSlot NewFloat(int[] shape) => new TensorSlot(shape, new float[ShapeMath.Count(shape)], null);
        public static TensorSlot View(TensorSlot source, int[] shape) => new TensorSlot(shape, source.Floats, source.Ints);

        public float[] RequireFloats(string what) =>
            Floats ?? throw new VaeModelException($"The managed backend expected float data for {what} but found an integer tensor; re-export the model with float inputs for this operator.");

        public long[] RequireInts(string what) =>
            Ints ?? throw new VaeModelException($"The managed backend needs {what} to be a constant or shape-derived integer tensor, but it depends on run-time data; re-export the model with static shapes.");
    }
}
