using System.Collections.Generic;

namespace VaeProcgen.Tools.UnityMeta
{
    /// <summary>Unity platform a plugin binary is enabled for.</summary>
    public enum PluginTarget
    {
        /// <summary>Managed assembly: every platform, Editor included (WebGL too; the managed backend runs there).</summary>
        AllPlatforms,
        /// <summary>Windows x64 standalone player and Windows Editor.</summary>
        WindowsX64,
        /// <summary>Linux x64 standalone player and Linux Editor.</summary>
        LinuxX64,
        /// <summary>macOS Apple silicon player and Editor.</summary>
        MacArm64,
        /// <summary>Android arm64-v8a player.</summary>
        AndroidArm64,
        /// <summary>iOS device player (dynamic framework embedded in the app).</summary>
        IosArm64,
    }

    /// <summary>Where a binary comes from in the NuGet cache.</summary>
    public enum PluginSourceKind
    {
        /// <summary>A plain file inside the package folder.</summary>
        File,
        /// <summary>One entry inside a zip/aar that lies in the package folder.</summary>
        ZipEntry,
        /// <summary>A folder inside a zip (every entry under a prefix).</summary>
        ZipFolder,
    }

    /// <summary>One binary under Runtime/Plugins, where to get it and where Unity must load it.</summary>
    /// <param name="RelativePath">Path under Runtime/Plugins (forward slashes).</param>
    /// <param name="PackageId">NuGet package id (lowercase, as in the cache).</param>
    /// <param name="PackageVersion">Package version.</param>
    /// <param name="SourcePath">File inside the package, or the zip holding the entry.</param>
    /// <param name="SourceKind">How to extract it.</param>
    /// <param name="EntryPath">Entry (or folder prefix) inside the zip; null for plain files.</param>
    /// <param name="Target">Platform the binary is enabled on.</param>
    /// <param name="Committed">True when the binary and its meta are in git (ships with a git-URL install); false
    /// for the offline ONNX Runtime plugins, which `plugins` writes together with their metas into a git-ignored folder.</param>
    public sealed record PluginBinary(
        string RelativePath, string PackageId, string PackageVersion, string SourcePath,
        PluginSourceKind SourceKind, string? EntryPath, PluginTarget Target, bool Committed = false)
    {
        /// <summary>True for folders Unity imports as one plugin (.framework).</summary>
        public bool IsFolder => SourceKind == PluginSourceKind.ZipFolder;

        /// <summary>Scripting define that, when set in the Unity project, leaves this binary out (null: none).</summary>
        public string? ExcludeDefine => PackageId == "mathnet.numerics" ? PluginLayout.ExternalMathNetDefine : null;
    }

    /// <summary>
    /// The binaries the runtime can use in Unity. MathNet.Numerics (managed, netstandard2.0) is committed: the core
    /// runtime needs it and a git-URL install must compile. The ONNX Runtime binaries are the offline alternative to
    /// the com.github.asus4.onnxruntime package and are never committed: `plugins` copies them from the NuGet cache
    /// into Runtime/Plugins/OnnxRuntime (git-ignored) and writes their metas. ONNX Runtime 1.31.1 ships native libraries
    /// for win-x64, linux-x64, osx-arm64 (no osx-x64), Android (in an .aar) and iOS (xcframework in a zip).
    /// System.Memory, System.Buffers and System.Runtime.CompilerServices.Unsafe (dependencies of the
    /// netstandard2.0 ONNX Runtime assembly) are not copied: Unity 2021.3 with the .NET Standard 2.1 profile
    /// provides them, and a second copy makes Unity report duplicate assemblies.
    /// </summary>
    public static class PluginLayout
    {
        /// <summary>Repo-relative folder the binaries go to.</summary>
        public const string PluginsFolder = "Runtime/Plugins";
        /// <summary>Folder under <see cref="PluginsFolder"/> that holds the offline ONNX Runtime plugins (git-ignored).</summary>
        public const string OnnxRuntimeFolder = "OnnxRuntime";
        /// <summary>ONNX Runtime version, matching Runtime/OnnxRuntime/VaeProcgen.Runtime.OnnxRuntime.csproj.</summary>
        public const string OnnxRuntimeVersion = "1.31.1";
        /// <summary>MathNet.Numerics version, matching Runtime/VaeProcgen.Runtime.csproj.</summary>
        public const string MathNetVersion = "5.0.0";
        /// <summary>Scripting define a Unity project sets when it already has its own MathNet.Numerics.dll.</summary>
        public const string ExternalMathNetDefine = "VAEPROCGEN_EXTERNAL_MATHNET";

        private const string Ort = "microsoft.ml.onnxruntime";
        private const string OrtManaged = "microsoft.ml.onnxruntime.managed";
        private const string MathNet = "mathnet.numerics";

        /// <summary>Every binary, in a stable order.</summary>
        public static readonly IReadOnlyList<PluginBinary> All = new[]
        {
            new PluginBinary("Managed/MathNet.Numerics.dll", MathNet, MathNetVersion, "lib/netstandard2.0/MathNet.Numerics.dll", PluginSourceKind.File, null, PluginTarget.AllPlatforms, Committed: true),
            new PluginBinary("OnnxRuntime/Managed/Microsoft.ML.OnnxRuntime.dll", OrtManaged, OnnxRuntimeVersion, "lib/netstandard2.0/Microsoft.ML.OnnxRuntime.dll", PluginSourceKind.File, null, PluginTarget.AllPlatforms),
            new PluginBinary("OnnxRuntime/Windows/x86_64/onnxruntime.dll", Ort, OnnxRuntimeVersion, "runtimes/win-x64/native/onnxruntime.dll", PluginSourceKind.File, null, PluginTarget.WindowsX64),
            new PluginBinary("OnnxRuntime/Linux/x86_64/libonnxruntime.so", Ort, OnnxRuntimeVersion, "runtimes/linux-x64/native/libonnxruntime.so", PluginSourceKind.File, null, PluginTarget.LinuxX64),
            new PluginBinary("OnnxRuntime/macOS/arm64/libonnxruntime.dylib", Ort, OnnxRuntimeVersion, "runtimes/osx-arm64/native/libonnxruntime.dylib", PluginSourceKind.File, null, PluginTarget.MacArm64),
            new PluginBinary("OnnxRuntime/Android/arm64-v8a/libonnxruntime.so", Ort, OnnxRuntimeVersion, "runtimes/android/native/onnxruntime.aar", PluginSourceKind.ZipEntry, "jni/arm64-v8a/libonnxruntime.so", PluginTarget.AndroidArm64),
            new PluginBinary("OnnxRuntime/iOS/onnxruntime.framework", Ort, OnnxRuntimeVersion, "runtimes/ios/native/onnxruntime.xcframework.zip", PluginSourceKind.ZipFolder, "onnxruntime.xcframework/ios-arm64/onnxruntime.framework/", PluginTarget.IosArm64),
        };
    }
}
