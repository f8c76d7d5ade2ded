using System;

namespace VaeProcgen.Backends
{
    /// <summary>
    /// Finds the ONNX Runtime backend assembly at run time. The core runtime never references it, so an application
    /// (or a Unity project) without ONNX Runtime compiles, links and runs on the managed backend.
    /// </summary>
    internal static class NativeBackendLocator
    {
        /// <summary>Name of the assembly (and NuGet package, and Unity asmdef) that holds the native backend.</summary>
        public const string AssemblyName = "VaeProcgen.Runtime.OnnxRuntime";

        /// <summary>Assembly-qualified name of its <see cref="INativeSessionFactory"/>; a constant, so trimmers can follow it.</summary>
        public const string FactoryTypeName = "VaeProcgen.Backends.OnnxRuntimeSessionFactory, VaeProcgen.Runtime.OnnxRuntime";

        private static readonly object Gate = new object();
        private static bool searched;
        private static INativeSessionFactory? factory;

        /// <summary>The native backend's factory, or null when its assembly is not part of the application.</summary>
        public static INativeSessionFactory? Find()
        {
            lock (Gate)
            {
                if (!searched)
                {
                    factory = Create();
                    searched = true;
                }
                return factory;
            }
        }

        private static INativeSessionFactory? Create()
        {
            Type? type;
            try
            {
                type = Type.GetType(FactoryTypeName, throwOnError: false);
            }
            catch (Exception e) when (e is System.IO.FileLoadException || e is BadImageFormatException)
            {
                return null;
            }
            return type == null ? null : (INativeSessionFactory)Activator.CreateInstance(type)!;
        }
    }
}
