using System;

namespace VaeProcgen.Backends.Managed
{
    /// <summary>Small helpers for shapes, strides and axes.</summary>
    internal static class ShapeMath
    {
        public static int Count(int[] shape)
        {
            long count = 1;
            foreach (int d in shape) count *= d;
            if (count > int.MaxValue) throw new VaeModelException("A tensor of the model has more than 2^31 elements, which the managed backend cannot hold; use a smaller batch.");
            return (int)count;
        }

        public static int Count(int[] shape, int from, int to)
        {
            int count = 1;
            for (int i = from; i < to; i++) count *= shape[i];
            return count;
        }

        public static int[] Strides(int[] shape)
        {
            var strides = new int[shape.Length];
            int s = 1;
            for (int i = shape.Length - 1; i >= 0; i--) { strides[i] = s; s *= shape[i]; }
            return strides;
        }

        public static int NormalizeAxis(long axis, int rank, string nodeName)
        {
            long a = axis < 0 ? axis + rank : axis;
            if (a < 0 || a >= rank) throw new VaeModelException($"ONNX node '{nodeName}' uses axis {axis}, which is out of range for a rank-{rank} tensor.");
            return (int)a;
        }

        public static int[] FromLongs(long[] values)
        {
            var result = new int[values.Length];
            for (int i = 0; i < values.Length; i++) result[i] = checked((int)values[i]);
            return result;
        }

        public static long[] ToLongs(int[] values)
        {
            var result = new long[values.Length];
            for (int i = 0; i < values.Length; i++) result[i] = values[i];
            return result;
        }

        /// <summary>Numpy-style broadcast of two shapes, or an exception naming the node.</summary>
        public static int[] Broadcast(int[] a, int[] b, string nodeName)
        {
            int rank = Math.Max(a.Length, b.Length);
            var result = new int[rank];
            for (int i = 0; i < rank; i++)
            {
                int da = i - (rank - a.Length) >= 0 ? a[i - (rank - a.Length)] : 1;
                int db = i - (rank - b.Length) >= 0 ? b[i - (rank - b.Length)] : 1;
                if (da != db && da != 1 && db != 1)
                    throw new VaeModelException($"ONNX node '{nodeName}' cannot broadcast shapes [{string.Join(",", a)}] and [{string.Join(",", b)}].");
                result[i] = da == 1 ? db : da;
            }
            return result;
        }

        /// <summary>Strides of <paramref name="shape"/> aligned to the broadcast output shape (0 where broadcast).</summary>
        public static int[] BroadcastStrides(int[] shape, int[] outShape)
        {
            int rank = outShape.Length;
            var own = Strides(shape);
            var result = new int[rank];
            for (int i = 0; i < rank; i++)
            {
                int j = i - (rank - shape.Length);
                result[i] = j >= 0 && shape[j] != 1 ? own[j] : 0;
            }
            return result;
        }

        public static bool SameShape(int[] a, int[] b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) return false;
            return true;
        }
    }
}
