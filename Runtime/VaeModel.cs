using System;
using System.IO;
using VaeProcgen.Backends;
using VaeProcgen.Backends.Managed;
using VaeProcgen.Contract;
using VaeProcgen.Generation;

namespace VaeProcgen
{
    /// <summary>
    /// A trained VAE loaded from its exported ONNX files: sample latents from a seed, decode them to sprites
    /// (RGBA32) or tile probabilities, encode sprites back to latents. The contract in the files is checked at
    /// load. Thread-safe: calls from several threads are serialized on one lock (load one model per thread
    /// for parallel throughput). Span overloads write into caller buffers and allocate nothing after the
    /// first call at a given batch size. Dispose releases the native sessions; later calls throw
    /// <see cref="ObjectDisposedException"/>.
    /// </summary>
    public sealed class VaeModel : IDisposable
    {
        /// <summary>Largest batch handed to the engine at once; bigger requests are split.</summary>
        public const int MaxEngineBatch = 64;

        private readonly object sync = new object();
        private readonly ModelGraph decoder;
        private readonly ModelGraph? encoder;
        private bool disposed;

        private readonly Onnx.OnnxModel decoderGraph;
        private readonly int threads;
        private ManagedGraphSession? incrementalSession;

        private VaeModel(ModelContract contract, ModelGraph decoder, ModelGraph? encoder, LatentPriorChoice prior, Onnx.OnnxModel decoderGraph, int threads)
        {
            this.decoderGraph = decoderGraph;
            this.threads = threads;
            Contract = contract;
            FittedPrior = prior == LatentPriorChoice.Auto ? contract.LatentPrior : null;
            this.decoder = decoder;
            this.encoder = encoder;
        }

        /// <summary>The checked contract (kind, latent size, shape, labels, legend...).</summary>
        public ModelContract Contract { get; }
        /// <summary>The engine that runs this model (never <see cref="Backends.Backend.Auto"/>).</summary>
        public Backend Backend => decoder.Kind;
        /// <summary>Latent size K.</summary>
        public int LatentSize => Contract.LatentSize;
        /// <summary>Values per decoded item (C x H x W).</summary>
        public int ItemSize => Contract.ItemSize;
        /// <summary>True when an encoder was loaded (needed by Encode, Vary and Score).</summary>
        public bool HasEncoder => encoder != null;

        /// <summary>
        /// Loads decoder.onnx (required) and encoder.onnx (optional) from a model folder written by the trainer.
        /// Throws <see cref="VaeModelException"/> with a clear message when files are missing, malformed or
        /// break the contract.
        /// </summary>
        public static VaeModel Load(string directory, VaeModelOptions? options = null)
        {
            options ??= new VaeModelOptions();
            if (!Directory.Exists(directory))
            {
                throw new VaeModelException($"Model folder '{directory}' does not exist; pass the folder that 'vaeprocgen train' wrote.");
            }
            byte[] decoderBytes = ModelLoader.ReadFile(Path.Combine(directory, ContractNames.DecoderFileName), options.ReadLimits.MaxFileBytes);
            string encoderPath = Path.Combine(directory, ContractNames.EncoderFileName);
            byte[]? encoderBytes = File.Exists(encoderPath) ? ModelLoader.ReadFile(encoderPath, options.ReadLimits.MaxFileBytes) : null;
            return Load(decoderBytes, encoderBytes, options);
        }

        /// <summary>Loads a model from the bytes of its decoder and (optionally) encoder files. The arrays are not kept.</summary>
        public static VaeModel Load(byte[] decoderOnnx, byte[]? encoderOnnx, VaeModelOptions? options = null)
        {
            if (decoderOnnx == null) throw new ArgumentNullException(nameof(decoderOnnx));
            options ??= new VaeModelOptions();
            var (contract, parsed) = ModelLoader.Inspect(decoderOnnx, ContractNames.DecoderFileName, ContractNames.RoleDecoder, options.ReadLimits);
            ModelGraph? encoder = null;
            if (encoderOnnx != null)
            {
                var (encoderContract, encoderParsed) = ModelLoader.Inspect(encoderOnnx, ContractNames.EncoderFileName, ContractNames.RoleEncoder, options.ReadLimits);
                contract.RequireSameModel(encoderContract, ContractNames.EncoderFileName);
                encoder = ModelLoader.OpenEncoder(encoderOnnx, encoderParsed, contract, options);
            }
            try
            {
                ModelGraph decoder = ModelLoader.OpenDecoder(decoderOnnx, parsed, contract, options);
                return new VaeModel(contract, decoder, encoder, options.Prior, parsed, options.Threads);
            }
            catch
            {
                encoder?.Dispose();
                throw;
            }
        }

        /// <summary>The fitted prior <see cref="SampleLatent(long)"/> draws from, or null when it draws from N(0, I).</summary>
        public FittedLatentPrior? FittedPrior { get; }

        /// <summary>
        /// The latent of a seed: from the fitted aggregate-posterior prior when the model carries one (and
        /// <see cref="VaeModelOptions.Prior"/> is Auto), otherwise from N(0, I) via <see cref="LatentSampler"/>.
        /// Same seed, same latent, on every platform. Allocates the result.
        /// </summary>
        public float[] SampleLatent(long seed)
        {
            var z = new float[LatentSize];
            SampleLatent(seed, z);
            return z;
        }

        /// <summary>
        /// Writes the latent of a seed into <paramref name="destination"/> (see <see cref="SampleLatent(long)"/>). For
        /// conditional models pass the label index: the fitted prior then draws among the training posteriors of that class.
        /// </summary>
        public void SampleLatent(long seed, Span<float> destination, int label = -1)
        {
            if (destination.Length < LatentSize) throw new ArgumentException($"Buffer 'destination' holds {destination.Length} values but {LatentSize} are needed.", nameof(destination));
            if (FittedPrior != null) FittedPrior.Sample(seed, destination.Slice(0, LatentSize), label);
            else LatentSampler.Sample(seed, destination.Slice(0, LatentSize));
        }

        /// <summary>Writes the latents of seeds firstSeed, firstSeed+1, ... (count x K values), optionally of one class label.</summary>
        public void SampleLatents(long firstSeed, int count, Span<float> destination, int label = -1)
        {
            RequireLength(destination.Length, count * LatentSize, nameof(destination));
            for (int n = 0; n < count; n++) SampleLatent(unchecked(firstSeed + n), destination.Slice(n * LatentSize, LatentSize), label);
        }

        /// <summary>Index of a class label; throws <see cref="ArgumentException"/> listing the known labels.</summary>
        public int LabelIndex(string label)
        {
            for (int i = 0; i < Contract.ClassLabels.Count; i++)
            {
                if (Contract.ClassLabels[i] == label) return i;
            }
            string known = Contract.ClassLabels.Count == 0 ? "none (the model has no labels)" : string.Join(", ", Contract.ClassLabels);
            throw new ArgumentException($"Unknown label '{label}'; known labels: {known}.", nameof(label));
        }

        /// <summary>
        /// Decodes latents [B*K] into <paramref name="output"/> [B*C*H*W] (planar per item; RGBA sprites in [0,1],
        /// palette sprites and tiles as per-cell probabilities). Conditional models need one label index per item.
        /// </summary>
        public void Decode(ReadOnlySpan<float> latents, Span<float> output, ReadOnlySpan<int> labels = default)
        {
            int batch = BatchOf(latents, nameof(latents));
            RequireLength(output.Length, batch * ItemSize, nameof(output));
            RequireLabels(labels, batch);
            lock (sync)
            {
                ThrowIfDisposed();
                for (int start = 0; start < batch; start += MaxEngineBatch)
                {
                    int count = Math.Min(MaxEngineBatch, batch - start);
                    RunDecoder(latents, labels, start, count).AsSpan().CopyTo(output.Slice(start * ItemSize, count * ItemSize));
                }
            }
        }

        /// <summary>
        /// Decodes sprite latents [B*K] into RGBA32 bytes [B*H*W*4] (row-major, top row first, straight alpha). RGBA models
        /// give the decoder's mean colour; palette models (<see cref="ModelContract.IsPaletteSprite"/>) the most likely
        /// palette colour of each pixel.
        /// </summary>
        public void DecodeRgba(ReadOnlySpan<float> latents, Span<byte> rgba, ReadOnlySpan<int> labels = default)
        {
            RequireKind(ModelKind.Sprite);
            int batch = BatchOf(latents, nameof(latents));
            int pixels = Contract.Height * Contract.Width;
            RequireLength(rgba.Length, batch * pixels * 4, nameof(rgba));
            RequireLabels(labels, batch);
            lock (sync)
            {
                ThrowIfDisposed();
                for (int start = 0; start < batch; start += MaxEngineBatch)
                {
                    int count = Math.Min(MaxEngineBatch, batch - start);
                    float[] planar = RunDecoder(latents, labels, start, count);
                    for (int n = 0; n < count; n++)
                    {
                        ItemToRgba(planar.AsSpan(n * ItemSize, ItemSize), rgba.Slice((start + n) * pixels * 4, pixels * 4));
                    }
                }
            }
        }

        /// <summary>The sprite of a seed as RGBA32 bytes (optionally of a class label for conditional models). Allocates the result.</summary>
        public byte[] GenerateRgba(long seed, string? label = null)
        {
            var z = new float[LatentSize];
            var rgba = new byte[Contract.Height * Contract.Width * 4];
            if (Contract.IsConditional)
            {
                int index = LabelIndex(label ?? throw new ArgumentException($"This model is conditional; pass one of: {string.Join(", ", Contract.ClassLabels)}.", nameof(label)));
                SampleLatent(seed, z, index);
                DecodeRgba(z, rgba, new[] { index });
            }
            else
            {
                SampleLatent(seed, z);
                DecodeRgba(z, rgba);
            }
            return rgba;
        }

        /// <summary>
        /// Encodes items [B*C*H*W] (planar, same layout as <see cref="Decode"/> output) into posterior means and
        /// log-variances [B*K]. Needs the encoder.
        /// </summary>
        public void Encode(ReadOnlySpan<float> data, Span<float> mean, Span<float> logVariance, ReadOnlySpan<int> labels = default)
        {
            ModelGraph graph = encoder ?? throw new InvalidOperationException($"This model was loaded without {ContractNames.EncoderFileName}; load the folder that holds both files to encode.");
            if (data.Length == 0 || data.Length % ItemSize != 0)
            {
                throw new ArgumentException($"Data length {data.Length} is not a positive multiple of the item size {ItemSize} ({Contract.Channels}x{Contract.Height}x{Contract.Width}).", nameof(data));
            }
            int batch = data.Length / ItemSize;
            RequireLength(mean.Length, batch * LatentSize, nameof(mean));
            RequireLength(logVariance.Length, batch * LatentSize, nameof(logVariance));
            RequireLabels(labels, batch);
            lock (sync)
            {
                ThrowIfDisposed();
                for (int start = 0; start < batch; start += MaxEngineBatch)
                {
                    int count = Math.Min(MaxEngineBatch, batch - start);
                    ModelGraph.Staging s = graph.For(count);
                    data.Slice(start * ItemSize, count * ItemSize).CopyTo(s.Inputs[0]);
                    if (Contract.IsConditional) FillOneHot(labels.Slice(start, count), s.Inputs[1]);
                    graph.Run(s);
                    s.Outputs[0].AsSpan().CopyTo(mean.Slice(start * LatentSize, count * LatentSize));
                    s.Outputs[1].AsSpan().CopyTo(logVariance.Slice(start * LatentSize, count * LatentSize));
                }
            }
        }

        /// <summary>Encodes one RGBA32 sprite (H*W*4 bytes). Allocates the two result arrays.</summary>
        public (float[] Mean, float[] LogVariance) EncodeRgba(ReadOnlySpan<byte> rgba, int label = -1)
        {
            float[] planar = SpriteToPlanar(rgba);
            var mean = new float[LatentSize];
            var logVariance = new float[LatentSize];
            Encode(planar, mean, logVariance, Contract.IsConditional ? new[] { label } : default(ReadOnlySpan<int>));
            return (mean, logVariance);
        }

        /// <summary>
        /// Scores items [B*C*H*W] (planar): negative ELBO with one posterior sample per item drawn from
        /// DeterministicRandom(seed + item index). Needs the encoder. Allocates temporary buffers.
        /// </summary>
        public void Score(ReadOnlySpan<float> data, Span<ElboScore> scores, long seed = 0, ReadOnlySpan<int> labels = default)
        {
            int batch = data.Length / ItemSize;
            RequireLength(scores.Length, batch, nameof(scores));
            var mean = new float[batch * LatentSize];
            var logVariance = new float[batch * LatentSize];
            Encode(data, mean, logVariance, labels);
            var z = new float[batch * LatentSize];
            for (int n = 0; n < batch; n++)
            {
                var random = new DeterministicRandom(unchecked(seed + n));
                for (int k = 0; k < LatentSize; k++)
                {
                    int i = n * LatentSize + k;
                    z[i] = mean[i] + (float)Math.Exp(0.5 * logVariance[i]) * (float)random.NextNormal();
                }
            }
            var output = new float[batch * ItemSize];
            Decode(z, output, labels);
            int cells = Contract.Height * Contract.Width;
            for (int n = 0; n < batch; n++)
            {
                double rec = LikelihoodMath.ReconstructionNll(data.Slice(n * ItemSize, ItemSize), output.AsSpan(n * ItemSize, ItemSize), Contract.Likelihood, Contract.GaussianSigma, cells);
                double kl = LikelihoodMath.GaussianKl(mean.AsSpan(n * LatentSize, LatentSize), logVariance.AsSpan(n * LatentSize, LatentSize));
                scores[n] = new ElboScore(rec, kl);
            }
        }

        /// <summary>Scores one RGBA32 sprite (see <see cref="Score"/>).</summary>
        public ElboScore ScoreRgba(ReadOnlySpan<byte> rgba, long seed = 0, int label = -1)
        {
            float[] planar = SpriteToPlanar(rgba);
            var result = new ElboScore[1];
            Score(planar, result, seed, Contract.IsConditional ? new[] { label } : default(ReadOnlySpan<int>));
            return result[0];
        }

        /// <summary>One RGBA32 sprite of this model's size as a planar item (checks kind and length).</summary>
        private float[] SpriteToPlanar(ReadOnlySpan<byte> rgba)
        {
            RequireKind(ModelKind.Sprite);
            RequireLength(rgba.Length, Contract.Height * Contract.Width * 4, nameof(rgba));
            var planar = new float[ItemSize];
            RgbaToItems(rgba.Slice(0, Contract.Height * Contract.Width * 4), planar);
            return planar;
        }

        /// <summary>
        /// Converts RGBA32 sprites [B*H*W*4] of this model's size into the model's planar items [B*C*H*W] (the input of
        /// <see cref="Encode"/> and <see cref="Score"/>): RGBA planes in [0,1] for RGBA models, one-hot palette planes
        /// (nearest palette colour, see <see cref="SpritePalette"/>) for palette models. Allocates nothing. Thread-safe.
        /// </summary>
        public void RgbaToItems(ReadOnlySpan<byte> rgba, Span<float> items)
        {
            RequireKind(ModelKind.Sprite);
            int bytes = Contract.Height * Contract.Width * 4;
            if (rgba.Length == 0 || rgba.Length % bytes != 0)
            {
                throw new ArgumentException($"RGBA length {rgba.Length} is not a positive multiple of one sprite ({Contract.Width}x{Contract.Height}x4 = {bytes} bytes).", nameof(rgba));
            }
            int batch = rgba.Length / bytes;
            RequireLength(items.Length, batch * ItemSize, nameof(items));
            for (int n = 0; n < batch; n++)
            {
                ReadOnlySpan<byte> sprite = rgba.Slice(n * bytes, bytes);
                Span<float> item = items.Slice(n * ItemSize, ItemSize);
                if (Contract.SpritePalette != null) Contract.SpritePalette.RgbaToOneHot(sprite, item);
                else SpritePixels.RgbaToPlanar(sprite, item);
            }
        }

        private void ItemToRgba(ReadOnlySpan<float> item, Span<byte> rgba)
        {
            if (Contract.SpritePalette != null) Contract.SpritePalette.ProbabilitiesToRgba(item, rgba);
            else SpritePixels.PlanarToRgba(item, rgba);
        }

        /// <summary>True after <see cref="Dispose"/>.</summary>
        internal bool IsDisposed => disposed;

        /// <summary>Counts BeginDecode calls so an abandoned <see cref="IncrementalDecode"/> can tell.</summary>
        internal int IncrementalGeneration { get; private set; }

        /// <summary>
        /// Starts a decode of latents [B*K] that <see cref="IncrementalDecode.Step"/> advances one graph node per call
        /// (managed backend; see <see cref="IncrementalDecode"/>). Uses its own engine state, so ordinary calls on this
        /// model may run between steps. Allocates the result buffer.
        /// </summary>
        public IncrementalDecode BeginDecode(ReadOnlySpan<float> latents, ReadOnlySpan<int> labels = default)
        {
            int batch = BatchOf(latents, nameof(latents));
            RequireLabels(labels, batch);
            var output = new float[batch * ItemSize];
            lock (sync)
            {
                ThrowIfDisposed();
                IncrementalGeneration++;
                if (Backend != Backend.Managed)
                {
                    return new IncrementalDecode(this, null, latents.ToArray(), labels.ToArray(), output, IncrementalGeneration);
                }
                if (incrementalSession == null)
                {
                    var options = new ManagedSessionOptions();
                    if (threads > 0) options.MaxThreads = threads;
                    incrementalSession = new ManagedGraphSession(decoderGraph, options);
                }
                var inputs = new ReadOnlyMemory<float>[Contract.IsConditional ? 2 : 1];
                inputs[0] = latents.ToArray();
                if (Contract.IsConditional)
                {
                    var oneHot = new float[batch * Contract.ClassLabels.Count];
                    FillOneHot(labels, oneHot);
                    inputs[1] = oneHot;
                }
                incrementalSession.BeginRun(batch, inputs, new Memory<float>[] { output });
                return new IncrementalDecode(this, incrementalSession, Array.Empty<float>(), Array.Empty<int>(), output, IncrementalGeneration);
            }
        }

        /// <summary>Releases the engine sessions. Waits for a call in progress on another thread.</summary>
        public void Dispose()
        {
            lock (sync)
            {
                if (disposed) return;
                disposed = true;
                decoder.Dispose();
                encoder?.Dispose();
                incrementalSession?.Dispose();
            }
        }

        /// <summary>Decodes items start..start+count-1 into the decoder's staging buffer (caller holds the lock).</summary>
        private float[] RunDecoder(ReadOnlySpan<float> latents, ReadOnlySpan<int> labels, int start, int count)
        {
            ModelGraph.Staging s = decoder.For(count);
            latents.Slice(start * LatentSize, count * LatentSize).CopyTo(s.Inputs[0]);
            if (Contract.IsConditional) FillOneHot(labels.Slice(start, count), s.Inputs[1]);
            decoder.Run(s);
            return s.Outputs[0];
        }

        private int BatchOf(ReadOnlySpan<float> latents, string name)
        {
            if (latents.Length == 0 || latents.Length % LatentSize != 0)
            {
                throw new ArgumentException($"Latent length {latents.Length} is not a positive multiple of the latent size {LatentSize}.", name);
            }
            for (int i = 0; i < latents.Length; i++)
            {
                if (float.IsNaN(latents[i]) || float.IsInfinity(latents[i]))
                {
                    throw new ArgumentException($"Latent value {i} is {latents[i]}; latents must be finite.", name);
                }
            }
            return latents.Length / LatentSize;
        }

        private void RequireLabels(ReadOnlySpan<int> labels, int batch)
        {
            if (!Contract.IsConditional) return;
            if (labels.Length != batch)
            {
                throw new ArgumentException($"This conditional model needs one label per item: expected {batch} labels, got {labels.Length}.", nameof(labels));
            }
            foreach (int label in labels)
            {
                if (label < 0 || label >= Contract.ClassLabels.Count)
                {
                    throw new ArgumentException($"Label index {label} is outside 0..{Contract.ClassLabels.Count - 1} ({string.Join(", ", Contract.ClassLabels)}).", nameof(labels));
                }
            }
        }

        private void FillOneHot(ReadOnlySpan<int> labels, float[] destination)
        {
            int classes = Contract.ClassLabels.Count;
            Array.Clear(destination, 0, destination.Length);
            for (int n = 0; n < labels.Length; n++) destination[n * classes + labels[n]] = 1f;
        }

        private static void RequireLength(int actual, int expected, string name)
        {
            if (actual < expected)
            {
                throw new ArgumentException($"Buffer '{name}' holds {actual} values but {expected} are needed.", name);
            }
        }

        private void RequireKind(ModelKind kind)
        {
            if (Contract.Kind != kind)
            {
                throw new InvalidOperationException($"This is a {ContractFormat.FormatKind(Contract.Kind)} model; the call needs a {ContractFormat.FormatKind(kind)} model.");
            }
        }

        private void ThrowIfDisposed()
        {
            if (disposed) throw new ObjectDisposedException(nameof(VaeModel), "The model was disposed; load it again.");
        }
    }
}
