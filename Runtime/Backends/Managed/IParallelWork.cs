namespace VaeProcgen.Backends.Managed
{
    /// <summary>A loop body over independent work items [begin, end); each item writes its own outputs.</summary>
    internal interface IParallelWork
    {
        void Execute(int begin, int end);
    }
}
