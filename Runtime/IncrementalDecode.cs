using System;

namespace VaeProcgen
{
    /// <summary>
    /// A decode spread over several calls, so a game can split one decode across frames instead of stalling one:
    /// call <see cref="Step"/> once per frame until it returns false, then read <see cref="Output"/>. On the managed
    /// backend each step runs one graph node and the result equals <see cref="VaeModel.Decode"/> bit for bit; on ONNX
    /// Runtime (which cannot pause inside a run) the first step runs the whole decode. Created by
    /// <see cref="VaeModel.BeginDecode"/>; the model's decoder session holds the engine state: starting another incremental
    /// decode on the same model abandons this one. Each step takes the model's lock, like every other call on the model.
    /// Not thread-safe; use it from one thread (typically the game loop).
    /// Steps allocate nothing.
    /// </summary>
    public sealed class IncrementalDecode
    {
        private readonly VaeModel owner;
        private readonly float[] output;
        private readonly int generation;
        private bool complete;

        internal IncrementalDecode(VaeModel owner, float[] output, int generation)
        {
            this.owner = owner;
            this.output = output;
            this.generation = generation;
        }

        /// <summary>True once the last step ran and <see cref="Output"/> holds the result.</summary>
        public bool IsComplete => complete;

        /// <summary>Runs the next part of the decode.</summary>
        /// <returns>True while more steps remain, false when the result is ready in <see cref="Output"/>.</returns>
        /// <exception cref="InvalidOperationException">Another <see cref="VaeModel.BeginDecode"/> on the same model abandoned this decode.</exception>
        /// <exception cref="ObjectDisposedException">The model was disposed.</exception>
        public bool Step()
        {
            if (complete) return false;
            if (owner.StepDecode(generation, output)) return true;
            complete = true;
            return false;
        }

        /// <summary>The decoded items [B*C*H*W] (planar, as <see cref="VaeModel.Decode"/> writes them). Valid once complete; owned by this object.</summary>
        public ReadOnlySpan<float> Output
        {
            get
            {
                if (!complete) throw new InvalidOperationException("The incremental decode is not finished; call Step until it returns false.");
                return output;
            }
        }
    }
}
