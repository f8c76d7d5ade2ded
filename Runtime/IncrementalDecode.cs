using System;
using VaeProcgen.Backends.Managed;

namespace VaeProcgen
{
    /// <summary>
    /// A decode spread over several calls, so a game can split one decode across frames instead of stalling one:
    /// call <see cref="Step"/> once per frame until it returns false, then read <see cref="Output"/>. On the managed
    /// backend each step runs one graph node and the result equals <see cref="VaeModel.Decode"/> bit for bit; on ONNX
    /// Runtime (which cannot pause inside a run) the first step runs the whole decode. Created by
    /// <see cref="VaeModel.BeginDecode"/>, which owns the engine state: starting another incremental decode on the
    /// same model abandons this one; dispose the model only between steps. Not thread-safe; use it from one thread (typically the game loop).
    /// Steps allocate nothing.
    /// </summary>
    public sealed class IncrementalDecode
    {
        private readonly VaeModel owner;
        private readonly ManagedGraphSession? session;
        private readonly float[] latents;
        private readonly int[] labels;
        private readonly float[] output;
        private readonly int generation;
        private bool complete;

        internal IncrementalDecode(VaeModel owner, ManagedGraphSession? session, float[] latents, int[] labels, float[] output, int generation)
        {
            this.owner = owner;
            this.session = session;
            this.latents = latents;
            this.labels = labels;
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
            if (owner.IsDisposed) throw new ObjectDisposedException(nameof(VaeModel), "The model was disposed during an incremental decode.");
            if (owner.IncrementalGeneration != generation)
            {
                throw new InvalidOperationException("A newer BeginDecode on the same model abandoned this incremental decode; start it again.");
            }
            if (session != null && session.Step()) return true;
            if (session == null) owner.Decode(latents, output, labels);
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
