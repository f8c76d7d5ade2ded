using System;
using System.Collections.Generic;

namespace VaeProcgen.Backends
{
    /// <summary>
    /// One loaded ONNX graph ready to run on float tensors whose first axis is the batch: the seam between
    /// <see cref="VaeModel"/> and the engines. The session owns its input and output buffers, one set per batch size:
    /// the caller writes <see cref="Input"/>, calls <see cref="Run"/> and reads <see cref="Output"/>, and no copy
    /// happens around the engine. Buffers are created on first use of a batch size; after that nothing allocates.
    /// Incremental runs (<see cref="Begin"/>, <see cref="Step"/>, <see cref="StepOutput"/>) have their own state, so
    /// ordinary runs between steps neither disturb them nor are disturbed. Not thread-safe: callers serialize access
    /// (VaeModel does).
    /// </summary>
    internal interface IGraphSession : IDisposable
    {
        /// <summary>Which engine this is.</summary>
        Backend Kind { get; }

        /// <summary>Graph input names, in the order of the <see cref="Input"/> indices.</summary>
        IReadOnlyList<string> InputNames { get; }

        /// <summary>Graph output names, in the order of the <see cref="Output"/> indices.</summary>
        IReadOnlyList<string> OutputNames { get; }

        /// <summary>
        /// The buffer of input <paramref name="index"/> for <paramref name="batch"/> items: exactly batch x (per-item
        /// size) floats, row-major, which the next <see cref="Run"/> or <see cref="Begin"/> at that batch size reads.
        /// Valid until the session is disposed; its contents persist between runs.
        /// </summary>
        Span<float> Input(int batch, int index);

        /// <summary>Runs the graph on the current contents of the inputs of <paramref name="batch"/>.</summary>
        void Run(int batch);

        /// <summary>
        /// Output <paramref name="index"/> of the last <see cref="Run"/> at <paramref name="batch"/>: batch x (per-item
        /// size) floats, overwritten by the next run at that batch size.
        /// </summary>
        ReadOnlySpan<float> Output(int batch, int index);

        /// <summary>
        /// Starts an incremental run over the current contents of the inputs of <paramref name="batch"/> (taking its own
        /// copy of them) and abandons any incremental run in progress.
        /// </summary>
        void Begin(int batch);

        /// <summary>
        /// Advances the incremental run; returns true while more steps remain and false once <see cref="StepOutput"/>
        /// holds the result. The managed engine runs one graph node per step; ONNX Runtime runs the whole graph in the first.
        /// </summary>
        bool Step();

        /// <summary>Output <paramref name="index"/> of the finished incremental run, valid until the next <see cref="Begin"/>.</summary>
        ReadOnlySpan<float> StepOutput(int index);
    }
}
