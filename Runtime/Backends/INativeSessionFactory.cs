namespace VaeProcgen.Backends
{
    /// <summary>
    /// The seam to the native backend, which lives in its own assembly (VaeProcgen.Runtime.OnnxRuntime) so that
    /// this one has no native dependency. <see cref="NativeBackendLocator"/> finds the implementation by name.
    /// </summary>
    internal interface INativeSessionFactory
    {
        /// <summary>
        /// Opens <paramref name="spec"/> on the native engine. A missing or unloadable native library surfaces as
        /// the exception .NET raises for it (DllNotFoundException, TypeInitializationException, ...); a graph the
        /// engine rejects becomes a <see cref="VaeModelException"/>.
        /// </summary>
        IGraphSession Open(GraphSpec spec, int threads);
    }
}
