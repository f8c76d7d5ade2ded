using System;

namespace VaeProcgen.Backends
{
    /// <summary>
    /// Unity's linker keeps any member marked with an attribute named PreserveAttribute, whatever its namespace;
    /// this assembly has no UnityEngine reference, so it declares its own.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Constructor | AttributeTargets.Method, Inherited = false)]
    internal sealed class PreserveAttribute : Attribute
    {
    }
}
