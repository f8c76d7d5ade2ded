using VaeProcgen.Backends;
using VaeProcgen.Onnx;

namespace VaeProcgen
{
    /// <summary>How <see cref="VaeModel.Load(string, VaeModelOptions)"/> opens a model.</summary>
    public sealed class VaeModelOptions
    {
        /// <summary>Which engine runs the graphs; <see cref="Backend.Auto"/> by default.</summary>
        public Backend Backend { get; set; } = Backend.Auto;
        /// <summary>Distribution of <see cref="VaeModel.SampleLatent(long, int)"/>: the fitted prior when the model has one (default), or N(0, I).</summary>
        public Generation.LatentPriorChoice Prior { get; set; } = Generation.LatentPriorChoice.Auto;
        /// <summary>
        /// Threads per graph run; 0 lets the engine decide (the managed backend: every logical processor, or 1 where
        /// the platform has no threads, as in browser WebAssembly and Unity WebGL). 1 selects single-threaded mode:
        /// the managed backend then starts no thread and runs on the caller's thread.
        /// </summary>
        public int Threads { get; set; }
        /// <summary>Size limits applied while reading the .onnx files (hostile-file protection).</summary>
        public OnnxReadLimits ReadLimits { get; set; } = OnnxReadLimits.Default;
    }
}
