using Microsoft.ML.OnnxRuntime;

namespace VaeProcgen.Backends
{
    /// <summary>
    /// The entry point the core runtime finds by name (<c>NativeBackendLocator.FactoryTypeName</c>): opens graphs on
    /// native ONNX Runtime. Kept by IL2CPP/Native AOT through <see cref="PreserveAttribute"/> and the package's link.xml.
    /// </summary>
    [Preserve]
    internal sealed class OnnxRuntimeSessionFactory : INativeSessionFactory
    {
        /// <summary>Created by reflection.</summary>
        [Preserve]
        public OnnxRuntimeSessionFactory() { }

        public IGraphSession Open(GraphSpec spec, int threads)
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
    }
}
