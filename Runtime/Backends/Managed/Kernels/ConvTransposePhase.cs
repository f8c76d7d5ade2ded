using System.Collections.Generic;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>
    /// One output phase of a ConvTranspose: the output pixels whose row is congruent to <see cref="RowResidue"/> modulo
    /// the row stride and whose column is congruent to <see cref="ColumnResidue"/> modulo the column stride. Every pixel of a
    /// phase is reached by the same kernel taps, each from the input pixel at a fixed offset, so the phase is an ordinary
    /// convolution: Y_phase[oc, q] = sum over (c, tap) of W_phase[oc, (c, tap)] * X[c, q + offset(tap)]. Computing it as a
    /// GEMM writes each output once (no col2im scatter and no column buffer). Built once at load; the weights are
    /// reordered into W_phase (out channels x in channels * taps, row-major).
    /// </summary>
    internal sealed class ConvTransposePhase
    {
        public ConvTransposePhase(ConvAttributes g, float[] w, int inChannels, int outChannels, int rowResidue, int columnResidue)
        {
            RowResidue = rowResidue;
            ColumnResidue = columnResidue;
            Taps(g.KernelH, g.StrideH, g.PadTop, g.DilationH, rowResidue, out int[] kys, out int[] rowOffsets);
            Taps(g.KernelW, g.StrideW, g.PadLeft, g.DilationW, columnResidue, out int[] kxs, out int[] columnOffsets);
            TapRowOffsets = new int[kys.Length * kxs.Length];
            TapColumnOffsets = new int[TapRowOffsets.Length];
            TapCount = TapRowOffsets.Length;
            Depth = inChannels * TapCount;
            Weights = new float[outChannels * Depth];
            int kh = g.KernelH, kw = g.KernelW;
            for (int ty = 0, t = 0; ty < kys.Length; ty++)
            {
                for (int tx = 0; tx < kxs.Length; tx++, t++)
                {
                    TapRowOffsets[t] = rowOffsets[ty];
                    TapColumnOffsets[t] = columnOffsets[tx];
                    for (int c = 0; c < inChannels; c++)
                        for (int oc = 0; oc < outChannels; oc++)
                            Weights[oc * Depth + c * TapCount + t] = w[((c * outChannels + oc) * kh + kys[ty]) * kw + kxs[tx]];
                }
            }
        }

        /// <summary>Output row modulo the row stride.</summary>
        public int RowResidue { get; }

        /// <summary>Output column modulo the column stride.</summary>
        public int ColumnResidue { get; }

        /// <summary>Kernel taps that reach this phase (may be 0 for unusual geometries: the phase is then bias only).</summary>
        public int TapCount { get; }

        /// <summary>GEMM depth: input channels x taps.</summary>
        public int Depth { get; }

        /// <summary>Per tap: input row = phase row index + this offset.</summary>
        public int[] TapRowOffsets { get; }

        /// <summary>Per tap: input column = phase column index + this offset.</summary>
        public int[] TapColumnOffsets { get; }

        /// <summary>W_phase, out channels x <see cref="Depth"/>, row-major.</summary>
        public float[] Weights { get; }

        /// <summary>Output rows (or columns) of this phase for an output extent: residue, residue + stride, ... below extent.</summary>
        public static int Count(int extent, int residue, int stride) => residue >= extent ? 0 : (extent - residue + stride - 1) / stride;

        /// <summary>
        /// Taps of one axis reaching output index o = residue + stride * q: ConvTranspose maps input i and tap k to
        /// o = i * stride - pad + k * dilation, so i = q + (residue + pad - k * dilation) / stride when that divides exactly.
        /// </summary>
        private static void Taps(int kernel, int stride, int pad, int dilation, int residue, out int[] taps, out int[] offsets)
        {
            var k = new List<int>();
            var o = new List<int>();
            for (int tap = 0; tap < kernel; tap++)
            {
                int shift = residue + pad - tap * dilation;
                if (shift % stride != 0) continue;
                k.Add(tap);
                o.Add(shift / stride);
            }
            taps = k.ToArray();
            offsets = o.ToArray();
        }
    }
}
