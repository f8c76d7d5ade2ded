using System;
using System.Collections.Generic;
using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>
    /// Gemm: Y = alpha * A' * B' + beta * C (A' = transA ? A^T : A, B' likewise, C unidirectionally broadcast
    /// to M x N). A constant B is packed once; a run-time B is packed on every run.
    /// </summary>
    internal sealed class GemmKernel : OpKernel
    {
        private readonly float _alpha, _beta;
        private readonly bool _transA, _transB, _constantB;
        private float[]? _packedConstantB;

        public GemmKernel(OnnxNode node, ISet<string> constantNames) : base(node)
        {
            _alpha = node.GetFloat("alpha", 1f);
            _beta = node.GetFloat("beta", 1f);
            _transA = node.GetInt("transA", 0) != 0;
            _transB = node.GetInt("transB", 0) != 0;
            _constantB = node.Inputs.Count > 1 && constantNames.Contains(node.Inputs[1]);
        }

        public override NodeStep? Prepare(TensorSlot?[] inputs, TensorSlot[] outputs, ParallelLoops pool)
        {
            TensorSlot a = Required(inputs, 0), b = Required(inputs, 1);
            TensorSlot? c = inputs.Length > 2 ? inputs[2] : null;
            if (a.Rank != 2 || b.Rank != 2) throw new VaeModelException($"ONNX node {Node.Describe()} needs 2-D A and B, got ranks {a.Rank} and {b.Rank}.");
            int m = _transA ? a.Shape[1] : a.Shape[0], k = _transA ? a.Shape[0] : a.Shape[1];
            int kb = _transB ? b.Shape[1] : b.Shape[0], n = _transB ? b.Shape[0] : b.Shape[1];
            if (k != kb) throw new VaeModelException($"ONNX node {Node.Describe()} multiplies [{m}x{k}] by [{kb}x{n}].");
            var outShape = new[] { m, n };
            TensorSlot y = TensorSlot.NewFloat(outShape);
            outputs[0] = y;
            float[] bData = b.RequireFloats(Node.Describe() + " B");
            int bRowStride = _transB ? 1 : n, bColStride = _transB ? k : 1;
            float[] packed;
            bool packEachRun = !_constantB;
            if (_constantB)
            {
                if (_packedConstantB == null)
                {
                    _packedConstantB = new float[SimdGemm.PackedLength(k, n)];
                    SimdGemm.PackB(bData, k, n, bRowStride, bColStride, _packedConstantB);
                }
                packed = _packedConstantB;
            }
            else packed = new float[SimdGemm.PackedLength(k, n)];
            float[]? cData = null;
            int[] cStrides = new int[2];
            if (c != null && _beta != 0f)
            {
                cData = c.RequireFloats(Node.Describe() + " C");
                ShapeMath.Broadcast(c.Shape, outShape, Node.Name);
                if (c.Rank > 2) throw new VaeModelException($"ONNX node {Node.Describe()} has a C of rank {c.Rank}.");
                cStrides = ShapeMath.BroadcastStrides(c.Shape, outShape);
            }
            var job = new GemmJob();
            job.Configure(a.RequireFloats(Node.Describe() + " A"), 0, _transA ? 1 : k, _transA ? m : 1, packed, 0, y.Floats!, 0, n, m, n, k);
            return new Step(job, pool, packEachRun ? bData : null, packed, k, n, bRowStride, bColStride, y.Floats!, m, n, _alpha, _beta, cData, cStrides);
        }

        private sealed class Step : NodeStep
        {
            private readonly GemmJob _job;
            private readonly ParallelLoops _pool;
            private readonly float[]? _bToPack;
            private readonly float[] _packed, _y;
            private readonly int _k, _n, _bRowStride, _bColStride, _m;
            private readonly float _alpha, _beta;
            private readonly float[]? _c;
            private readonly int[] _cStrides;

            public Step(GemmJob job, ParallelLoops pool, float[]? bToPack, float[] packed, int k, int n, int bRowStride, int bColStride,
                float[] y, int m, int n2, float alpha, float beta, float[]? c, int[] cStrides)
            {
                _job = job; _pool = pool; _bToPack = bToPack; _packed = packed; _k = k; _n = n; _bRowStride = bRowStride; _bColStride = bColStride;
                _y = y; _m = m; _alpha = alpha; _beta = beta; _c = c; _cStrides = cStrides;
            }

            public override void Execute()
            {
                if (_bToPack != null) SimdGemm.PackB(_bToPack, _k, _n, _bRowStride, _bColStride, _packed);
                _job.Run(_pool);
                if (_alpha == 1f && _c == null) return;
                for (int i = 0; i < _m; i++)
                {
                    int row = i * _n;
                    for (int j = 0; j < _n; j++)
                    {
                        float v = _alpha * _y[row + j];
                        if (_c != null) v += _beta * _c[i * _cStrides[0] + j * _cStrides[1]];
                        _y[row + j] = v;
                    }
                }
            }
        }
    }
}
