using System;
using VaeProcgen.Backends;

namespace VaeProcgen
{
    /// <summary>
    /// One opened graph as VaeModel uses it: the session's own buffers (no staging copies), plus the translation of
    /// a failing run into a <see cref="VaeModelException"/> that names the file, and the load-time probe.
    /// Not thread-safe; VaeModel serializes access.
    /// </summary>
    internal sealed class ModelGraph : IDisposable
    {
        private readonly IGraphSession session;
        private readonly string fileName;

        public ModelGraph(IGraphSession session, string fileName)
        {
            this.session = session;
            this.fileName = fileName;
        }

        public Backend Kind => session.Kind;

        /// <summary>The session's buffer of input <paramref name="index"/> at <paramref name="batch"/> (see <see cref="IGraphSession.Input"/>).</summary>
        public Span<float> Input(int batch, int index)
        {
            try
            {
                return session.Input(batch, index);
            }
            catch (Exception e) when (IsRunFailure(e))
            {
                throw Failed(e);
            }
        }

        /// <summary>
        /// Runs one batch. A graph whose run fails although the inputs match the contract (output shapes that
        /// disagree with the contract, broken shape arithmetic in a damaged file) becomes a <see cref="VaeModelException"/>.
        /// </summary>
        public void Run(int batch)
        {
            try
            {
                session.Run(batch);
            }
            catch (Exception e) when (IsRunFailure(e))
            {
                throw Failed(e);
            }
        }

        /// <summary>Output <paramref name="index"/> of the last <see cref="Run"/> at <paramref name="batch"/>.</summary>
        public ReadOnlySpan<float> Output(int batch, int index) => session.Output(batch, index);

        /// <summary>Starts an incremental run over the current inputs of <paramref name="batch"/> (see <see cref="IGraphSession.Begin"/>).</summary>
        public void Begin(int batch)
        {
            try
            {
                session.Begin(batch);
            }
            catch (Exception e) when (IsRunFailure(e))
            {
                throw Failed(e);
            }
        }

        /// <summary>Advances the incremental run; false once <see cref="StepOutput"/> holds the result.</summary>
        public bool Step()
        {
            try
            {
                return session.Step();
            }
            catch (Exception e) when (IsRunFailure(e))
            {
                throw Failed(e);
            }
        }

        /// <summary>Output <paramref name="index"/> of the finished incremental run.</summary>
        public ReadOnlySpan<float> StepOutput(int index) => session.StepOutput(index);

        /// <summary>Runs one all-zero item so that a graph that cannot produce its contract outputs is refused at load.</summary>
        public void Probe() => Run(1);

        public void Dispose() => session.Dispose();

        private static bool IsRunFailure(Exception e) => !(e is ObjectDisposedException) && (e is ArgumentException
            || e is InvalidOperationException || e is IndexOutOfRangeException || e is OverflowException);

        private VaeModelException Failed(Exception e) =>
            new VaeModelException($"{fileName} cannot run ({e.Message.Trim()}); the graph does not compute what its contract declares: re-export the model.", e);
    }
}
