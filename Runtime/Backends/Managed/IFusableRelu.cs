namespace VaeProcgen.Backends.Managed
{
    /// <summary>
    /// A kernel that can apply a following Relu while writing its output, so the session skips the Relu node and its
    /// buffer. The session sets <see cref="FuseRelu"/> only when the Relu is the sole reader of the kernel's output.
    /// </summary>
    internal interface IFusableRelu
    {
        /// <summary>True: outputs are written as max(value, 0), with NaN becoming 0 as in the Relu kernel.</summary>
        bool FuseRelu { get; set; }
    }
}
