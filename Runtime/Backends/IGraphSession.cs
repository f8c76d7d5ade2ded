using System;
using System.Collections.Generic;

namespace VaeProcgen.Backends
{
    /// <summary>
    /// One loaded ONNX graph ready to run on float tensors whose first axis is the batch. The seam between
    /// <see cref="VaeModel"/> and the engines. Implementations pre-allocate what they can; after the first
    /// run at a given batch size, <see cref="Run"/> must not allocate managed memory. Not thread-safe:
    /// callers serialize access (VaeModel does).
    /// </summary>
    internal interface IGraphSession : IDisposable
    {
        /// <summary>Which engine this is.</summary>
        Backend Kind { get; }

        /// <summary>Graph input names, in the order <see cref="Run"/> expects its inputs.</summary>
        IReadOnlyList<string> InputNames { get; }

        /// <summary>Graph output names, in the order <see cref="Run"/> fills its outputs.</summary>
        IReadOnlyList<string> OutputNames { get; }

        /// <summary>
        /// Runs the graph for <paramref name="batch"/> items. <paramref name="inputs"/>[i] holds exactly
        /// batch x (per-item size of input i) floats in row-major order; <paramref name="outputs"/>[j]
        /// receives batch x (per-item size of output j) floats. The session does not keep the memories.
        /// </summary>
        void Run(int batch, IReadOnlyList<ReadOnlyMemory<float>> inputs, IReadOnlyList<Memory<float>> outputs);
    }
}
