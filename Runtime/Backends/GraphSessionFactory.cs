using System;
using System.IO;
using VaeProcgen.Backends.Managed;

namespace VaeProcgen.Backends
{
    /// <summary>
    /// Opens a graph on the requested backend. <see cref="Backend.Auto"/> uses ONNX Runtime when its assembly
    /// (VaeProcgen.Runtime.OnnxRuntime) and native library are present and falls back to the managed backend otherwise.
    /// </summary>
    internal static class GraphSessionFactory
    {
        public static IGraphSession Open(GraphSpec spec, Backend requested, int threads)
        {
            INativeSessionFactory? native = requested == Backend.Managed ? null : NativeBackendLocator.Find();
            switch (requested)
            {
                case Backend.OnnxRuntime:
                    if (native == null)
                    {
                        throw new VaeModelException($"Backend.OnnxRuntime needs the {NativeBackendLocator.AssemblyName} assembly, which this application does not contain; add the NuGet package {NativeBackendLocator.AssemblyName} (in Unity: the com.github.asus4.onnxruntime package) or use Backend.Managed.");
                    }
                    try
                    {
                        return native.Open(spec, threads);
                    }
                    catch (Exception e) when (IsNativeLoadFailure(e))
                    {
                        throw new VaeModelException($"The ONNX Runtime native library could not be loaded ({Innermost(e).Message}); install the onnxruntime native plugin for this platform or use Backend.Managed.", e);
                    }
                case Backend.Managed:
                    return OpenManaged(spec, threads);
                default:
                    if (native == null) return OpenManaged(spec, threads);
                    try
                    {
                        return native.Open(spec, threads);
                    }
                    catch (Exception e) when (IsNativeLoadFailure(e))
                    {
                        return OpenManaged(spec, threads);
                    }
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

        /// <summary>
        /// True for the ways .NET reports a native library that is absent or unloadable, and for the ONNX Runtime
        /// managed assembly itself missing next to the backend assembly (FileNotFoundException on first use).
        /// </summary>
        internal static bool IsNativeLoadFailure(Exception e)
        {
            for (Exception? x = e; x != null; x = x.InnerException)
            {
                if (x is DllNotFoundException || x is EntryPointNotFoundException || x is BadImageFormatException || x is TypeInitializationException
                    || x is FileNotFoundException || x is FileLoadException || x is TypeLoadException)
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
