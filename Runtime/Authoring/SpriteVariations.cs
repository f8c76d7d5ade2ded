using System;
using System.Collections.Generic;
using VaeProcgen.Contract;
using VaeProcgen.Generation;

namespace VaeProcgen.Authoring
{
    /// <summary>
    /// Variations of an existing sprite: encode it, then decode latents z_i = mu + strength * eps_i where mu is
    /// the posterior mean and eps_i ~ N(0, I) comes from DeterministicRandom(seed + i). The noise is in units
    /// of the prior's standard deviation (1), not the posterior's: a trained VAE's posterior is often so narrow
    /// that posterior-scaled noise changes nothing visible, while prior units make strength comparable across
    /// sprites (0 = the reconstruction, about 0.3 = close variants, 1 = as far as a typical prior sample).
    /// With keepSourceDetail the source's difference from its reconstruction is added back where a variation's pixel
    /// stayed close to the reconstruction's (fading out by a channel change of 128), so the detail the model cannot
    /// hold stays where the variation did not change the sprite; strength 0 then gives the source itself.
    /// The variations come back as decoded (soft colours and alpha); snap each with the source's
    /// <see cref="SourceColourSnapper"/> to draw it in the source's own colours, as `vary` does.
    /// Thread-safe as far as the model is (calls are serialized on it).
    /// </summary>
    public static class SpriteVariations
    {
        /// <summary>
        /// Returns <paramref name="count"/> RGBA32 sprites (each H*W*4 bytes) varying <paramref name="rgba"/>.
        /// </summary>
        /// <param name="model">A sprite model loaded with its encoder.</param>
        /// <param name="rgba">The sprite to vary: H x W x 4 RGBA32 bytes of the model's size, top row first.</param>
        /// <param name="count">How many variations (at least 1).</param>
        /// <param name="strength">Noise scale in prior standard deviations: 0 = the reconstruction (the source with <paramref name="keepSourceDetail"/>), about 0.3 = close variants.</param>
        /// <param name="seed">Variation i uses the noise of seed + i; the same seed gives the same variations.</param>
        /// <param name="label">Conditional models: the sprite's label index, used for encoding and decoding; unconditional
        /// models: <see cref="VaeModel.NoLabel"/>.</param>
        /// <param name="keepSourceDetail">Add the source's detail back where a variation kept the sprite (what `vary` does); false gives the decoder's output alone.</param>
        /// <returns><paramref name="count"/> new RGBA32 sprites of the model's size.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1 or <paramref name="strength"/> is negative or not finite.</exception>
        /// <exception cref="VaeModelKindException">The model is a tiles model, or a label is given to an unconditional model.</exception>
        /// <exception cref="InvalidOperationException">The model was loaded without encoder.onnx.</exception>
        /// <exception cref="ArgumentException"><paramref name="rgba"/> is shorter than one sprite, or a conditional model is given no valid label index.</exception>
        public static IReadOnlyList<byte[]> Vary(VaeModel model, ReadOnlySpan<byte> rgba, int count, float strength, long seed, int label = VaeModel.NoLabel, bool keepSourceDetail = false)
        {
            if (model == null) throw new ArgumentNullException(nameof(model));
            if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "At least one variation is needed.");
            if (!(strength >= 0) || float.IsInfinity(strength)) throw new ArgumentOutOfRangeException(nameof(strength), strength, "Strength must be a finite number >= 0.");
            if (model.Contract.Kind != ModelKind.Sprite) throw VaeModelKindException.NeedsKind(model.Contract, ModelKind.Sprite, "sprite variations");
            float[] mean = model.EncodeRgba(rgba, label).Mean;
            int k = model.LatentSize;
            int decoded = keepSourceDetail ? count + 1 : count;
            var latents = new float[decoded * k];
            for (int i = 0; i < count; i++)
            {
                var random = new DeterministicRandom(unchecked(seed + i));
                for (int j = 0; j < k; j++)
                {
                    latents[i * k + j] = mean[j] + strength * (float)random.NextNormal();
                }
            }
            if (keepSourceDetail) Array.Copy(mean, 0, latents, count * k, k);
            int size = model.Contract.Width * model.Contract.Height * 4;
            var all = new byte[decoded * size];
            int[]? labels = null;
            if (model.Contract.IsConditional)
            {
                labels = new int[decoded];
                for (int i = 0; i < decoded; i++) labels[i] = label;
            }
            model.DecodeRgba(latents, all, labels);
            var result = new List<byte[]>(count);
            for (int i = 0; i < count; i++)
            {
                byte[] variation = all.AsSpan(i * size, size).ToArray();
                if (keepSourceDetail) SourceDetail.Restore(rgba.Slice(0, size), all.AsSpan(count * size, size), variation);
                result.Add(variation);
            }
            return result;
        }
    }
}
