using System;
using System.Collections.Generic;
using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>
    /// MatMul with numpy semantics: 1-D operands are promoted, leading (batch) dimensions broadcast. A constant
    /// 2-D B is packed once and the whole batch of A rows runs as one GEMM.
    /// </summary>
    internal sealed class MatMulKernel : OpKernel
    {
        private readonly bool _constantB;
        private float[]? _packedConstantB;

        public MatMulKernel(OnnxNode node, ISet<string> constantNames) : base(node)
        {
            _constantB = node.Inputs.Count > 1 && constantNames.Contains(node.Inputs[1]);
        }

        public override NodeStep? Prepare(TensorSlot?[] inputs, TensorSlot[] outputs, ParallelLoops pool)
        {
            TensorSlot a = Required(inputs, 0), b = Required(inputs, 1);
            int[] aShape = a.Rank == 1 ? new[] { 1, a.Shape[0] } : a.Shape;
            int[] bShape = b.Rank == 1 ? new[] { b.Shape[0], 1 } : b.Shape;
            int m = aShape[aShape.Length - 2], k = aShape[aShape.Length - 1];
            int kb = bShape[bShape.Length - 2], n = bShape[bShape.Length - 1];
            if (k != kb) throw new VaeModelException($"ONNX node {Node.Describe()} multiplies [..x{m}x{k}] by [..x{kb}x{n}].");
            int[] aBatch = aShape.AsSpan(0, aShape.Length - 2).ToArray(), bBatch = bShape.AsSpan(0, bShape.Length - 2).ToArray();
            int[] batchShape = ShapeMath.Broadcast(aBatch, bBatch, Node.Name);
            var outList = new List<int>(batchShape);
            if (a.Rank != 1) outList.Add(m);
            if (b.Rank != 1) outList.Add(n);
            TensorSlot y = TensorSlot.NewFloat(outList.ToArray());
            outputs[0] = y;
            float[] aData = a.RequireFloats(Node.Describe() + " A"), bData = b.RequireFloats(Node.Describe() + " B");
            int batches = ShapeMath.Count(batchShape);

            if (bBatch.Length == 0 && _constantB)
            {
                if (_packedConstantB == null)
                {
                    _packedConstantB = new float[SimdGemm.PackedLength(k, n)];
                    SimdGemm.PackB(bData, k, n, n, 1, _packedConstantB);
                }
                var single = new GemmJob();
                single.Configure(aData, 0, k, 1, _packedConstantB, 0, y.Floats!, 0, n, batches * m, n, k);
                return new Step(pool, new[] { single }, null, null, null, k, n);
            }

            int[] aStrides = ShapeMath.BroadcastStrides(aBatch, batchShape), bStrides = ShapeMath.BroadcastStrides(bBatch, batchShape);
            var jobs = new GemmJob[batches];
            var bOffsets = new int[batches];
            int packedLength = SimdGemm.PackedLength(k, n);
            var packed = new float[packedLength * batches];
            var counter = new int[batchShape.Length];
            for (int i = 0; i < batches; i++)
            {
                int ia = 0, ib = 0;
                for (int d = 0; d < batchShape.Length; d++) { ia += counter[d] * aStrides[d]; ib += counter[d] * bStrides[d]; }
                bOffsets[i] = ib * k * n;
                jobs[i] = new GemmJob();
                jobs[i].Configure(aData, ia * m * k, k, 1, packed, i * packedLength, y.Floats!, i * m * n, n, m, n, k);
                for (int d = batchShape.Length - 1; d >= 0; d--) { if (++counter[d] < batchShape[d]) break; counter[d] = 0; }
            }
            return new Step(pool, jobs, bData, bOffsets, packed, k, n);
        }

        private sealed class Step : NodeStep
        {
            private readonly ParallelLoops _pool;
            private readonly GemmJob[] _jobs;
            private readonly float[]? _b, _packed;
            private readonly int[]? _bOffsets;
            private readonly int _k, _n;

            public Step(ParallelLoops pool, GemmJob[] jobs, float[]? b, int[]? bOffsets, float[]? packed, int k, int n)
            {
                _pool = pool; _jobs = jobs; _b = b; _bOffsets = bOffsets; _packed = packed; _k = k; _n = n;
            }

            public override void Execute()
            {
                int packedLength = SimdGemm.PackedLength(_k, _n);
                for (int i = 0; i < _jobs.Length; i++)
                {
                    if (_b != null)
                        SimdGemm.PackB(_b.AsSpan(_bOffsets![i]), _k, _n, _n, 1, _packed.AsSpan(i * packedLength, packedLength));
                    _jobs[i].Run(_pool);
                }
            }
        }
    }
}
