using System;
using Microsoft.ML.OnnxRuntime;
using VaeProcgen.Backends.Managed;

namespace VaeProcgen.Backends
{
    /// <summary>
    /// Opens a graph on the requested backend. <see cref="Backend.Auto"/> tries ONNX Runtime and falls back
    /// to the managed backend when the native library is missing or cannot load.
    /// </summary>
    internal static class GraphSessionFactory
    {
        public static IGraphSession Open(GraphSpec spec, Backend requested, int threads)
        {
            switch (requested)
            {
                case Backend.OnnxRuntime:
                    try
                    {
                        return OpenOnnxRuntime(spec, threads);
                    }
                    catch (Exception e) when (IsNativeLoadFailure(e))
                    {
                        throw new VaeModelException($"The ONNX Runtime native library could not be loaded ({Innermost(e).Message}); install the onnxruntime native plugin for this platform or use Backend.Managed.", e);
                    }
                case Backend.Managed:
                    return OpenManaged(spec, threads);
                default:
                    try
                    {
                        return OpenOnnxRuntime(spec, threads);
                    }
                    catch (Exception e) when (IsNativeLoadFailure(e))
                    {
                        return OpenManaged(spec, threads);
                    }
            }
        }

        private static IGraphSession OpenOnnxRuntime(GraphSpec spec, int threads)
        {
            try
            {
                return new OnnxRuntimeSession(spec.Bytes, spec.InputNames, spec.InputItemShapes, spec.OutputNames, spec.OutputItemShapes, threads);
            }
            catch (OnnxRuntimeException e)
            {
                throw new VaeModelException($"{spec.FileName} was rejected by ONNX Runtime ({e.Message.Trim()}); re-export the model with the current trainer.", e);
            }
        }

        private static IGraphSession OpenManaged(GraphSpec spec, int threads)
        {
            var options = new ManagedSessionOptions();
            if (threads > 0) options.MaxThreads = threads;
            try
            {
                var session = new ManagedGraphSession(spec.Parsed, options);
                if (!System.Linq.Enumerable.SequenceEqual(session.InputNames, spec.InputNames))
                {
                    session.Dispose();
                    throw new VaeModelException($"graph inputs are ({string.Join(", ", session.InputNames)}) but the contract needs ({string.Join(", ", spec.InputNames)}) in that order; re-export the model with the current trainer.");
                }
                return session;
            }
            catch (VaeModelException e)
            {
                throw new VaeModelException($"{spec.FileName}: {e.Message}", e);
            }
        }

        /// <summary>True for the ways .NET reports a native library that is absent or unloadable.</summary>
        internal static bool IsNativeLoadFailure(Exception e)
        {
            for (Exception? x = e; x != null; x = x.InnerException)
            {
                if (x is DllNotFoundException || x is EntryPointNotFoundException || x is BadImageFormatException || x is TypeInitializationException)
                {
                    return true;
                }
            }
            return false;
        }

        private static Exception Innermost(Exception e)
        {
            while (e.InnerException != null) e = e.InnerException;
            return e;
        }
    }
}
