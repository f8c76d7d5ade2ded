using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("VaeProcgen.Runtime.OnnxRuntime")]
[assembly: InternalsVisibleTo("VaeProcgen.Tests")]
[assembly: InternalsVisibleTo("vaeprocgen")]
[assembly: InternalsVisibleTo("VaeProcgen.Benchmarks")]
[assembly: InternalsVisibleTo("WasmCheck")]
