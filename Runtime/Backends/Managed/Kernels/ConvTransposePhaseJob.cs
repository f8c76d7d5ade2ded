using System;
using System.Numerics;

namespace VaeProcgen.Backends.Managed.Kernels
{
    /// <summary>
    /// One image of a ConvTranspose as work items over (phase, pixel panel). The image is first copied into a zero-bordered
    /// buffer, so every tap of every phase pixel reads a valid address and a panel's im2col rows are short contiguous
    /// copies (one per output row the panel spans). Each item packs its panel, multiplies every output channel by it into a
    /// small scratch block that stays in cache, and writes that block to its output pixels with the bias (and a fused
    /// Relu) added. Every output element is written exactly once by one item, with a fixed arithmetic order, so results
    /// do not depend on threads.
    /// </summary>
    internal sealed unsafe class ConvTransposePhaseJob : ConvKernel.IImageJob
    {
        private readonly ConvTransposePhase[] _phases;
        private readonly float[] _x, _y, _padded, _packed, _scratch;
        private readonly float[]? _bias;
        private readonly bool _relu;
        private readonly int _inChannels, _outChannels, _height, _width, _paddedW, _paddedPlane, _padTop, _padLeft, _outPixels;
        private readonly int[] _pixels, _firstItem, _packedOffset, _pixelOffset, _sources, _targets, _tapOffset, _tapOffsetStart;
        private readonly int[] _runFirst, _runLane, _runLength;
        private readonly int _groups, _groupRowBlocks, _packedPerGroup;
        private int _yOffset;

        public ConvTransposePhaseJob(ConvTransposePhase[] phases, ConvAttributes g, float[] x, int inChannels, int height, int width,
            float[] y, int outChannels, int outH, int outW, float[]? bias, bool relu, int threads)
        {
            _phases = phases; _x = x; _y = y; _bias = bias; _relu = relu;
            _inChannels = inChannels; _outChannels = outChannels; _height = height; _width = width; _outPixels = outH * outW;
            int count = phases.Length, panelWidth = SimdGemm.PanelWidth;
            var rows = new int[count];
            var columns = new int[count];
            int minRow = 0, maxRow = height - 1, minColumn = 0, maxColumn = width - 1, taps = 0;
            for (int p = 0; p < count; p++)
            {
                ConvTransposePhase phase = phases[p];
                rows[p] = ConvTransposePhase.Count(outH, phase.RowResidue, g.StrideH);
                columns[p] = ConvTransposePhase.Count(outW, phase.ColumnResidue, g.StrideW);
                taps += phase.TapCount;
                if (rows[p] == 0 || columns[p] == 0) continue;
                for (int t = 0; t < phase.TapCount; t++)
                {
                    minRow = Math.Min(minRow, phase.TapRowOffsets[t]);
                    maxRow = Math.Max(maxRow, rows[p] - 1 + phase.TapRowOffsets[t]);
                    minColumn = Math.Min(minColumn, phase.TapColumnOffsets[t]);
                    maxColumn = Math.Max(maxColumn, columns[p] - 1 + phase.TapColumnOffsets[t]);
                }
            }
            _padTop = -minRow; _padLeft = -minColumn;
            _paddedW = maxColumn - minColumn + 1;
            _paddedPlane = (maxRow - minRow + 1) * _paddedW;
            _padded = new float[inChannels * _paddedPlane];

            _pixels = new int[count];
            _firstItem = new int[count + 1];
            _packedOffset = new int[count + 1];
            _pixelOffset = new int[count + 1];
            _tapOffsetStart = new int[count + 1];
            for (int p = 0; p < count; p++)
            {
                _pixels[p] = rows[p] * columns[p];
                _firstItem[p + 1] = _firstItem[p] + SimdGemm.PanelCount(_pixels[p]);
                _packedOffset[p + 1] = _packedOffset[p] + SimdGemm.PackedLength(phases[p].Depth, _pixels[p]);
                _pixelOffset[p + 1] = _pixelOffset[p] + _pixels[p];
                _tapOffsetStart[p + 1] = _tapOffsetStart[p] + phases[p].TapCount;
            }
            int items = _firstItem[count];
            // Few panels (small images, as in a decoder's first layer) would leave threads idle: split the output channels
            // into groups, each item packing its own copy of its panel, so there are about four items per thread.
            int rowBlocks = (outChannels + SimdGemm.RowBlock - 1) / SimdGemm.RowBlock;
            int groups = Math.Max(1, Math.Min(rowBlocks, (4 * threads + items - 1) / Math.Max(1, items)));
            _groupRowBlocks = (rowBlocks + groups - 1) / groups;
            _groups = (rowBlocks + _groupRowBlocks - 1) / _groupRowBlocks;
            _packedPerGroup = _packedOffset[count];
            _packed = new float[_packedPerGroup * _groups];
            _scratch = new float[items * panelWidth * outChannels];
            _sources = new int[_pixelOffset[count]];
            _targets = new int[_pixelOffset[count]];
            _tapOffset = new int[taps];
            _runFirst = new int[items + 1];
            var runLane = new System.Collections.Generic.List<int>();
            var runLength = new System.Collections.Generic.List<int>();
            for (int p = 0; p < count; p++)
            {
                ConvTransposePhase phase = phases[p];
                for (int t = 0; t < phase.TapCount; t++)
                    _tapOffset[_tapOffsetStart[p] + t] = (phase.TapRowOffsets[t] + _padTop) * _paddedW + phase.TapColumnOffsets[t] + _padLeft;
                for (int q = 0; q < _pixels[p]; q++)
                {
                    int qy = q / columns[p], qx = q % columns[p];
                    _sources[_pixelOffset[p] + q] = qy * _paddedW + qx;
                    _targets[_pixelOffset[p] + q] = (phase.RowResidue + qy * g.StrideH) * outW + phase.ColumnResidue + qx * g.StrideW;
                }
                for (int panel = 0; panel < _firstItem[p + 1] - _firstItem[p]; panel++)
                {
                    int first = panel * panelWidth, lanes = Math.Min(panelWidth, _pixels[p] - first);
                    for (int lane = 0; lane < lanes;)
                    {
                        int length = 1, source = _sources[_pixelOffset[p] + first + lane];
                        while (lane + length < lanes && _sources[_pixelOffset[p] + first + lane + length] == source + length) length++;
                        runLane.Add(lane);
                        runLength.Add(length);
                        lane += length;
                    }
                    _runFirst[_firstItem[p] + panel + 1] = runLane.Count;
                }
            }
            _runLane = runLane.ToArray();
            _runLength = runLength.ToArray();
        }

        public int WorkItems => _firstItem[_phases.Length] * _groups;

        /// <summary>Copies image <paramref name="xOffset"/> into the zero-bordered buffer and targets output <paramref name="yOffset"/>.</summary>
        public void SetImage(int xOffset, int yOffset)
        {
            _yOffset = yOffset;
            for (int c = 0; c < _inChannels; c++)
                for (int row = 0; row < _height; row++)
                    Array.Copy(_x, xOffset + (c * _height + row) * _width, _padded, c * _paddedPlane + (row + _padTop) * _paddedW + _padLeft, _width);
        }

        public void Execute(int begin, int end)
        {
            int p = 0;
            for (int item = begin; item < end; item++)
            {
                int panelItem = item / _groups;
                while (panelItem >= _firstItem[p + 1]) p++;
                RunPanel(p, panelItem - _firstItem[p], panelItem, item % _groups);
            }
        }

        private void RunPanel(int p, int panel, int item, int group)
        {
            ConvTransposePhase phase = _phases[p];
            int width = SimdGemm.PanelWidth, pixels = _pixels[p], depth = phase.Depth, taps = phase.TapCount;
            int first = panel * width, lanes = Math.Min(width, pixels - first);
            int scratchBase = item * width * _outChannels;
            int rowBlocks = (_outChannels + SimdGemm.RowBlock - 1) / SimdGemm.RowBlock;
            fixed (float* padded = _padded)
            fixed (float* packed = _packed)
            fixed (int* sources = _sources)
            fixed (int* tapOffset = _tapOffset)
            fixed (float* a = phase.Weights)
            fixed (float* scratch = _scratch)
            {
                float* phasePacked = packed + (long)group * _packedPerGroup + _packedOffset[p];
                float* d = phasePacked + (long)panel * width * depth;
                int* panelSources = sources + _pixelOffset[p] + first;
                int* tapOffsets = tapOffset + _tapOffsetStart[p];
                int runBegin = _runFirst[item], runEnd = _runFirst[item + 1];
                if (runEnd - runBegin == 1 && _runLength[runBegin] == width && KernelPath.Vectorized)
                {
                    // The whole panel is one contiguous run of input pixels (the common case): copy each row as two vectors.
                    int v = Vector<float>.Count;
                    float* source = padded + panelSources[0];
                    for (int c = 0; c < _inChannels; c++, source += _paddedPlane)
                    {
                        for (int t = 0; t < taps; t++, d += width)
                        {
                            float* src = source + tapOffsets[t];
                            *(Vector<float>*)d = *(Vector<float>*)src;
                            *(Vector<float>*)(d + v) = *(Vector<float>*)(src + v);
                        }
                    }
                }
                else
                {
                    // Several runs per panel (phase rows narrower than a panel): whole vectors where a run allows, then floats.
                    int v = KernelPath.Vectorized ? Vector<float>.Count : int.MaxValue;
                    for (int c = 0; c < _inChannels; c++)
                    {
                        float* channel = padded + (long)c * _paddedPlane;
                        for (int t = 0; t < taps; t++, d += width)
                        {
                            float* tap = channel + tapOffsets[t];
                            for (int r = runBegin; r < runEnd; r++)
                            {
                                int lane = _runLane[r], length = _runLength[r], i = 0;
                                float* src = tap + panelSources[lane];
                                float* dst = d + lane;
                                for (; length - i >= v; i += v) *(Vector<float>*)(dst + i) = *(Vector<float>*)(src + i);
                                for (; i < length; i++) dst[i] = src[i];
                            }
                        }
                    }
                }
                // C is addressed as c + row * ldc + panel * width: shift the base back so that this panel's block lands at scratchBase.
                int firstBlock = group * _groupRowBlocks, endBlock = Math.Min(rowBlocks, firstBlock + _groupRowBlocks);
                SimdGemm.Multiply(a, depth, 1, phasePacked, scratch + scratchBase - first, width, _outChannels, pixels, depth,
                    panel * rowBlocks + firstBlock, panel * rowBlocks + endBlock, rowMajorOrder: false);
                WriteBlock(p, first, lanes, scratchBase, firstBlock * SimdGemm.RowBlock, Math.Min(_outChannels, endBlock * SimdGemm.RowBlock));
            }
        }

        private void WriteBlock(int p, int first, int lanes, int scratchBase, int firstChannel, int endChannel)
        {
            int width = SimdGemm.PanelWidth;
            fixed (float* y = _y)
            fixed (float* scratch = _scratch)
            fixed (int* targets = _targets)
            {
                int* target = targets + _pixelOffset[p] + first;
                for (int oc = firstChannel; oc < endChannel; oc++)
                {
                    float bias = _bias != null ? _bias[oc] : 0f;
                    float* row = scratch + scratchBase + oc * width;
                    float* yPlane = y + _yOffset + (long)oc * _outPixels;
                    if (_relu)
                    {
                        for (int lane = 0; lane < lanes; lane++)
                        {
                            float v = row[lane] + bias;
                            yPlane[target[lane]] = v > 0f ? v : 0f; // as the Relu kernel: NaN becomes 0
                        }
                    }
                    else
                    {
                        for (int lane = 0; lane < lanes; lane++) yPlane[target[lane]] = row[lane] + bias;
                    }
                }
            }
        }
    }
}
