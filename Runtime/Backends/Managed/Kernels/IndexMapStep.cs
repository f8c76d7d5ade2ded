namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>
    /// Data movement described by a source index per output element, computed while planning: used by
    /// Transpose, Slice and Gather. Integer tensors apply the map immediately; float tensors run this step.
    /// </summary>
    internal sealed class IndexMapStep : NodeStep
    {
        private readonly float[] _x, _y;
        private readonly int[] _map;

        public IndexMapStep(float[] x, float[] y, int[] map) { _x = x; _y = y; _map = map; }

        public override void Execute()
        {
            float[] x = _x, y = _y;
            int[] map = _map;
            for (int i = 0; i < map.Length; i++) y[i] = x[map[i]];
        }

        /// <summary>Creates the output slot for <paramref name="map"/> and, for float data, the step that fills it.</summary>
        public static NodeStep? Apply(TensorSlot x, int[] outShape, int[] map, out TensorSlot output)
        {
            if (x.IsInt)
            {
                var values = new long[map.Length];
                for (int i = 0; i < map.Length; i++) values[i] = x.Ints![map[i]];
                output = new TensorSlot(outShape, null, values);
                return null;
            }
            output = TensorSlot.NewFloat(outShape);
            return new IndexMapStep(x.Floats!, output.Floats!, map);
        }
    }
}
