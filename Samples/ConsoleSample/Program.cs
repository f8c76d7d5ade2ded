namespace VaeProcgen.Samples { internal static class Program { private static int Main() => 0; } }
