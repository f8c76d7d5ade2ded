using System;
using System.IO;
using VaeProcgen.Backends;
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
    /// <para>
    /// Class labels (conditional models) are label <b>indices</b> into <see cref="ModelContract.ClassLabels"/> in every
    /// method: one <c>int</c> for a single item (<see cref="NoLabel"/> for none), one <c>int</c> per item in a
    /// <c>ReadOnlySpan&lt;int&gt;</c> for a batch (empty for none). <see cref="LabelIndex(string)"/> turns a class
    /// name into its index. A conditional model needs a label for every decode, encode and score; an unconditional
    /// model takes none, and a label given to it throws <see cref="VaeModelKindException"/>, as does a sprite call on a
    /// tiles model.
    /// </para>
    /// </summary>
    public sealed class VaeModel : IDisposable
    {
        /// <summary>Largest batch handed to the engine at once; bigger requests are split.</summary>
        public const int MaxEngineBatch = 64;

        /// <summary>The label argument meaning "no class label": for unconditional models, or to sample a conditional model's latent from all classes.</summary>
        public const int NoLabel = -1;

        private readonly object sync = new object();
        private readonly ModelGraph decoder;
        private readonly ModelGraph? encoder;
        private bool disposed;

        private VaeModel(ModelContract contract, ModelGraph decoder, ModelGraph? encoder, LatentPriorChoice prior)
        {
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
        /// </summary>
        /// <param name="directory">The model folder (the <c>--out</c> folder of <c>vaeprocgen train</c>).</param>
        /// <param name="options">Backend, prior, threads and read limits; null for the defaults.</param>
        /// <returns>The loaded model; dispose it to release the engine sessions.</returns>
        /// <exception cref="VaeModelException">The folder or decoder.onnx is missing, a file is larger than
        /// <see cref="Onnx.OnnxReadLimits.MaxFileBytes"/>, malformed (<see cref="Onnx.OnnxFormatException"/>), breaks the
        /// trainer/runtime contract, or the requested backend cannot run it.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
        public static VaeModel Load(string directory, VaeModelOptions? options = null)
        {
            if (directory == null) throw new ArgumentNullException(nameof(directory));
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

        /// <summary>
        /// Loads a model from the bytes of its decoder and (optionally) encoder files, e.g. read with UnityWebRequest
        /// where StreamingAssets is not a folder. The arrays are not kept.
        /// </summary>
        /// <param name="decoderOnnx">The bytes of decoder.onnx.</param>
        /// <param name="encoderOnnx">The bytes of encoder.onnx, or null to load without encoder (no Encode, Score or Vary).</param>
        /// <param name="options">Backend, prior, threads and read limits; null for the defaults.</param>
        /// <returns>The loaded model; dispose it to release the engine sessions.</returns>
        /// <exception cref="VaeModelException">A file is malformed (<see cref="Onnx.OnnxFormatException"/>), breaks the
        /// trainer/runtime contract, the two files describe different models, or the requested backend cannot run it.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="decoderOnnx"/> is null.</exception>
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
                return new VaeModel(contract, decoder, encoder, options.Prior);
            }
            catch
            {
                encoder?.Dispose();
                throw;
            }
        }

        /// <summary>The fitted prior <see cref="SampleLatent(long, int)"/> draws from, or null when it draws from N(0, I).</summary>
        public FittedLatentPrior? FittedPrior { get; }

        /// <summary>
        /// The latent of a seed: from the fitted aggregate-posterior prior when the model carries one (and
        /// <see cref="VaeModelOptions.Prior"/> is Auto), otherwise from N(0, I). Same seed, same latent, on every
        /// platform. Allocates the result.
        /// </summary>
        /// <param name="seed">Any seed; seed s always gives the same latent.</param>
        /// <param name="label">Conditional models: a label index, so the fitted prior draws among the training
        /// posteriors of that class; <see cref="NoLabel"/> draws from all classes.</param>
        /// <returns>A new array of <see cref="LatentSize"/> values.</returns>
        /// <exception cref="ArgumentException"><paramref name="label"/> is not a label index of this conditional model.</exception>
        /// <exception cref="VaeModelKindException">A label is given to an unconditional model.</exception>
        /// <exception cref="ObjectDisposedException">The model was disposed.</exception>
        public float[] SampleLatent(long seed, int label = NoLabel)
        {
            var z = new float[LatentSize];
            SampleLatent(seed, z, label);
            return z;
        }

        /// <summary>
        /// Writes the latent of a seed into <paramref name="destination"/> (see <see cref="SampleLatent(long, int)"/>).
        /// Allocates nothing.
        /// </summary>
        /// <param name="seed">Any seed; seed s always gives the same latent.</param>
        /// <param name="destination">Receives the <see cref="LatentSize"/> values (a longer buffer keeps its tail).</param>
        /// <param name="label">Conditional models: a label index, or <see cref="NoLabel"/> to draw from all classes.</param>
        /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="LatentSize"/>, or
        /// <paramref name="label"/> is not a label index of this conditional model.</exception>
        /// <exception cref="VaeModelKindException">A label is given to an unconditional model.</exception>
        /// <exception cref="ObjectDisposedException">The model was disposed.</exception>
        public void SampleLatent(long seed, Span<float> destination, int label = NoLabel)
        {
            ThrowIfDisposed();
            if (destination.Length < LatentSize) throw new ArgumentException($"Buffer 'destination' holds {destination.Length} values but {LatentSize} are needed.", nameof(destination));
            if (label != NoLabel || !Contract.IsConditional) RequireLabel(label, nameof(label));
            if (FittedPrior != null) FittedPrior.Sample(seed, destination.Slice(0, LatentSize), label);
            else LatentSampler.Sample(seed, destination.Slice(0, LatentSize));
        }

        /// <summary>Writes the latents of seeds firstSeed, firstSeed+1, ... (see <see cref="SampleLatent(long, int)"/>). Allocates nothing.</summary>
        /// <param name="firstSeed">The seed of the first latent; latent n gets seed firstSeed + n.</param>
        /// <param name="count">How many latents to write.</param>
        /// <param name="destination">Receives count x <see cref="LatentSize"/> values.</param>
        /// <param name="label">Conditional models: one label index for all latents, or <see cref="NoLabel"/> to draw from all classes.</param>
        /// <exception cref="ArgumentException"><paramref name="destination"/> is too short, or <paramref name="label"/> is
        /// not a label index of this conditional model.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
        /// <exception cref="VaeModelKindException">A label is given to an unconditional model.</exception>
        /// <exception cref="ObjectDisposedException">The model was disposed.</exception>
        public void SampleLatents(long firstSeed, int count, Span<float> destination, int label = NoLabel)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "The latent count cannot be negative.");
            RequireLength(destination.Length, count * LatentSize, nameof(destination));
            for (int n = 0; n < count; n++) SampleLatent(unchecked(firstSeed + n), destination.Slice(n * LatentSize, LatentSize), label);
        }

        /// <summary>
        /// The label index of a class name of a conditional model: the position of <paramref name="label"/> in
        /// <see cref="ModelContract.ClassLabels"/>, the form every method of this class takes labels in.
        /// </summary>
        /// <param name="label">A class name, as listed in <see cref="ModelContract.ClassLabels"/> (case-sensitive).</param>
        /// <returns>The index of <paramref name="label"/> in <see cref="ModelContract.ClassLabels"/>.</returns>
        /// <exception cref="ArgumentException"><paramref name="label"/> is not a class of this model; the message lists the known ones.</exception>
        /// <exception cref="VaeModelKindException">The model is unconditional (it has no class labels).</exception>
        public int LabelIndex(string label)
        {
            if (!Contract.IsConditional) throw VaeModelKindException.NoLabels(Contract);
            for (int i = 0; i < Contract.ClassLabels.Count; i++)
            {
                if (Contract.ClassLabels[i] == label) return i;
            }
            throw new ArgumentException($"Unknown label '{label}'; known labels: {string.Join(", ", Contract.ClassLabels)}.", nameof(label));
        }

        /// <summary>
        /// Decodes latents [B*K] into <paramref name="output"/> [B*C*H*W] (planar per item; RGBA sprites in [0,1],
        /// palette sprites and tiles as per-cell probabilities). Any model kind. Allocates nothing after the first call
        /// at a batch size.
        /// </summary>
        /// <param name="latents">B latents of <see cref="LatentSize"/> finite values, one after the other.</param>
        /// <param name="output">Receives B x <see cref="ItemSize"/> values.</param>
        /// <param name="labels">Conditional models: one label index per latent; unconditional models: empty.</param>
        /// <exception cref="ArgumentException">The latents are empty, not a multiple of <see cref="LatentSize"/> or not
        /// finite; <paramref name="output"/> is too short; or a conditional model lacks a valid label per latent.</exception>
        /// <exception cref="VaeModelKindException">Labels are given to an unconditional model.</exception>
        /// <exception cref="ObjectDisposedException">The model was disposed.</exception>
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
                    RunDecoder(latents, labels, start, count).CopyTo(output.Slice(start * ItemSize, count * ItemSize));
                }
            }
        }

        /// <summary>
        /// Decodes sprite latents [B*K] into RGBA32 bytes [B*H*W*4] (row-major, top row first, straight alpha). RGBA models
        /// give the decoder's mean colour; palette models (<see cref="ModelContract.IsPaletteSprite"/>) the most likely
        /// palette colour of each pixel. Allocates nothing after the first call at a batch size.
        /// </summary>
        /// <param name="latents">B latents of <see cref="LatentSize"/> finite values, one after the other.</param>
        /// <param name="rgba">Receives B x H x W x 4 bytes.</param>
        /// <param name="labels">Conditional models: one label index per latent; unconditional models: empty.</param>
        /// <exception cref="ArgumentException">The latents are empty, not a multiple of <see cref="LatentSize"/> or not
        /// finite; <paramref name="rgba"/> is too short; or a conditional model lacks a valid label per latent.</exception>
        /// <exception cref="VaeModelKindException">The model is a tiles model, or labels are given to an unconditional model.</exception>
        /// <exception cref="ObjectDisposedException">The model was disposed.</exception>
        public void DecodeRgba(ReadOnlySpan<float> latents, Span<byte> rgba, ReadOnlySpan<int> labels = default)
        {
            RequireKind(ModelKind.Sprite, "DecodeRgba");
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
                    ReadOnlySpan<float> planar = RunDecoder(latents, labels, start, count);
                    for (int n = 0; n < count; n++)
                    {
                        ItemToRgba(planar.Slice(n * ItemSize, ItemSize), rgba.Slice((start + n) * pixels * 4, pixels * 4));
                    }
                }
            }
        }

        /// <summary>
        /// The sprite of a seed: <see cref="SampleLatent(long, int)"/> then <see cref="DecodeRgba"/>. Allocates the result.
        /// </summary>
        /// <param name="seed">Any seed; seed s is the same sprite on every platform and backend.</param>
        /// <param name="label">Conditional models: the label index of the class to generate (see <see cref="LabelIndex(string)"/>);
        /// unconditional models: <see cref="NoLabel"/>.</param>
        /// <returns>H x W x 4 RGBA32 bytes, top row first, straight alpha.</returns>
        /// <exception cref="ArgumentException">A conditional model is given no valid label index.</exception>
        /// <exception cref="VaeModelKindException">The model is a tiles model, or a label is given to an unconditional model.</exception>
        /// <exception cref="ObjectDisposedException">The model was disposed.</exception>
        public byte[] GenerateRgba(long seed, int label = NoLabel)
        {
            RequireKind(ModelKind.Sprite, "GenerateRgba");
            int[]? labels = OneLabel(label);
            var z = new float[LatentSize];
            var rgba = new byte[Contract.Height * Contract.Width * 4];
            SampleLatent(seed, z, label);
            DecodeRgba(z, rgba, labels);
            return rgba;
        }

        /// <summary>
        /// Encodes items [B*C*H*W] (planar, same layout as <see cref="Decode"/> output) into posterior means and
        /// log-variances [B*K]. Any model kind; needs the encoder. Allocates nothing after the first call at a batch size.
        /// </summary>
        /// <param name="data">B items of <see cref="ItemSize"/> values (sprites: see <see cref="RgbaToItems"/>).</param>
        /// <param name="mean">Receives B x <see cref="LatentSize"/> posterior means.</param>
        /// <param name="logVariance">Receives B x <see cref="LatentSize"/> posterior log-variances.</param>
        /// <param name="labels">Conditional models: one label index per item; unconditional models: empty.</param>
        /// <exception cref="InvalidOperationException">The model was loaded without encoder.onnx (<see cref="HasEncoder"/> is false).</exception>
        /// <exception cref="ArgumentException"><paramref name="data"/> is not a positive multiple of <see cref="ItemSize"/>, an
        /// output buffer is too short, or a conditional model lacks a valid label per item.</exception>
        /// <exception cref="VaeModelKindException">Labels are given to an unconditional model.</exception>
        /// <exception cref="ObjectDisposedException">The model was disposed.</exception>
        public void Encode(ReadOnlySpan<float> data, Span<float> mean, Span<float> logVariance, ReadOnlySpan<int> labels = default)
        {
            ModelGraph graph = encoder ?? throw new InvalidOperationException($"This model was loaded without {ContractNames.EncoderFileName}; load the folder that holds both files to encode.");
            RequireItems(data.Length, nameof(data));
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
                    data.Slice(start * ItemSize, count * ItemSize).CopyTo(graph.Input(count, 0));
                    if (Contract.IsConditional) FillOneHot(labels.Slice(start, count), graph.Input(count, 1));
                    graph.Run(count);
                    graph.Output(count, 0).CopyTo(mean.Slice(start * LatentSize, count * LatentSize));
                    graph.Output(count, 1).CopyTo(logVariance.Slice(start * LatentSize, count * LatentSize));
                }
            }
        }

        /// <summary>Encodes one RGBA32 sprite of this model's size to its posterior (see <see cref="Encode"/>). Allocates the result arrays.</summary>
        /// <param name="rgba">H x W x 4 RGBA32 bytes, top row first, straight alpha.</param>
        /// <param name="label">Conditional models: the sprite's label index; unconditional models: <see cref="NoLabel"/>.</param>
        /// <returns>The posterior mean and log-variance, <see cref="LatentSize"/> values each.</returns>
        /// <exception cref="InvalidOperationException">The model was loaded without encoder.onnx.</exception>
        /// <exception cref="ArgumentException"><paramref name="rgba"/> is shorter than one sprite, or a conditional model
        /// is given no valid label index.</exception>
        /// <exception cref="VaeModelKindException">The model is a tiles model, or a label is given to an unconditional model.</exception>
        /// <exception cref="ObjectDisposedException">The model was disposed.</exception>
        public (float[] Mean, float[] LogVariance) EncodeRgba(ReadOnlySpan<byte> rgba, int label = NoLabel)
        {
            float[] planar = SpriteToPlanar(rgba, "EncodeRgba");
            int[]? labels = OneLabel(label);
            var mean = new float[LatentSize];
            var logVariance = new float[LatentSize];
            Encode(planar, mean, logVariance, labels);
            return (mean, logVariance);
        }

        /// <summary>
        /// Scores items [B*C*H*W] (planar): negative ELBO in nats with one posterior sample per item, drawn from the
        /// runtime's PRNG seeded with seed + item index (higher = less like the training data). Any model kind; needs the
        /// encoder. Allocates temporary buffers.
        /// </summary>
        /// <param name="data">B items of <see cref="ItemSize"/> values (sprites: see <see cref="RgbaToItems"/>).</param>
        /// <param name="scores">Receives B scores.</param>
        /// <param name="seed">Seed of the posterior samples; the same seed gives the same scores.</param>
        /// <param name="labels">Conditional models: one label index per item; unconditional models: empty.</param>
        /// <exception cref="InvalidOperationException">The model was loaded without encoder.onnx.</exception>
        /// <exception cref="ArgumentException"><paramref name="data"/> is not a positive multiple of <see cref="ItemSize"/>,
        /// <paramref name="scores"/> is too short, or a conditional model lacks a valid label per item.</exception>
        /// <exception cref="VaeModelKindException">Labels are given to an unconditional model.</exception>
        /// <exception cref="ObjectDisposedException">The model was disposed.</exception>
        public void Score(ReadOnlySpan<float> data, Span<ElboScore> scores, long seed = 0, ReadOnlySpan<int> labels = default)
        {
            RequireItems(data.Length, nameof(data));
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

        /// <summary>Scores one RGBA32 sprite of this model's size (see <see cref="Score"/>).</summary>
        /// <param name="rgba">H x W x 4 RGBA32 bytes, top row first, straight alpha.</param>
        /// <param name="seed">Seed of the posterior sample.</param>
        /// <param name="label">Conditional models: the sprite's label index; unconditional models: <see cref="NoLabel"/>.</param>
        /// <returns>The negative ELBO of the sprite and its reconstruction and KL terms, in nats.</returns>
        /// <exception cref="InvalidOperationException">The model was loaded without encoder.onnx.</exception>
        /// <exception cref="ArgumentException"><paramref name="rgba"/> is shorter than one sprite, or a conditional model
        /// is given no valid label index.</exception>
        /// <exception cref="VaeModelKindException">The model is a tiles model, or a label is given to an unconditional model.</exception>
        /// <exception cref="ObjectDisposedException">The model was disposed.</exception>
        public ElboScore ScoreRgba(ReadOnlySpan<byte> rgba, long seed = 0, int label = NoLabel)
        {
            float[] planar = SpriteToPlanar(rgba, "ScoreRgba");
            int[]? labels = OneLabel(label);
            var result = new ElboScore[1];
            Score(planar, result, seed, labels);
            return result[0];
        }

        /// <summary>One RGBA32 sprite of this model's size as a planar item (checks kind and length).</summary>
        private float[] SpriteToPlanar(ReadOnlySpan<byte> rgba, string call)
        {
            RequireKind(ModelKind.Sprite, call);
            RequireLength(rgba.Length, Contract.Height * Contract.Width * 4, nameof(rgba));
            var planar = new float[ItemSize];
            RgbaToItems(rgba.Slice(0, Contract.Height * Contract.Width * 4), planar);
            return planar;
        }

        /// <summary>
        /// Converts RGBA32 sprites [B*H*W*4] of this model's size into the model's planar items [B*C*H*W] (the input of
        /// <see cref="Encode"/> and <see cref="Score"/>): RGBA planes in [0,1] for RGBA models, one-hot palette planes
        /// (nearest palette colour in OKLab) for palette models. Allocates nothing. Thread-safe.
        /// </summary>
        /// <param name="rgba">B sprites of H x W x 4 RGBA32 bytes, top row first, straight alpha.</param>
        /// <param name="items">Receives B x <see cref="ItemSize"/> values.</param>
        /// <exception cref="ArgumentException"><paramref name="rgba"/> is not a positive multiple of one sprite, or
        /// <paramref name="items"/> is too short.</exception>
        /// <exception cref="VaeModelKindException">The model is a tiles model.</exception>
        public void RgbaToItems(ReadOnlySpan<byte> rgba, Span<float> items)
        {
            RequireKind(ModelKind.Sprite, "RgbaToItems");
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

        /// <summary>Counts BeginDecode calls so an abandoned <see cref="IncrementalDecode"/> can tell.</summary>
        internal int IncrementalGeneration { get; private set; }

        /// <summary>
        /// Starts a decode of latents [B*K] that <see cref="IncrementalDecode.Step"/> advances one graph node per call
        /// (managed backend; see <see cref="IncrementalDecode"/>). Runs in the decoder session's own incremental state
        /// (separate intermediate tensors, shared weights), so ordinary calls on this model may run between steps; steps
        /// are serialized with them on the model's lock. Allocates the result buffer. On the ONNX Runtime backend the whole decode runs in
        /// the first <see cref="IncrementalDecode.Step"/>.
        /// </summary>
        /// <param name="latents">B latents of <see cref="LatentSize"/> finite values, one after the other.</param>
        /// <param name="labels">Conditional models: one label index per latent; unconditional models: empty.</param>
        /// <returns>The decode in progress; its output has the layout of <see cref="Decode"/>.</returns>
        /// <exception cref="ArgumentException">The latents are empty, not a multiple of <see cref="LatentSize"/> or not
        /// finite, or a conditional model lacks a valid label per latent.</exception>
        /// <exception cref="VaeModelKindException">Labels are given to an unconditional model.</exception>
        /// <exception cref="ObjectDisposedException">The model was disposed.</exception>
        public IncrementalDecode BeginDecode(ReadOnlySpan<float> latents, ReadOnlySpan<int> labels = default)
        {
            int batch = BatchOf(latents, nameof(latents));
            RequireLabels(labels, batch);
            var output = new float[batch * ItemSize];
            lock (sync)
            {
                ThrowIfDisposed();
                IncrementalGeneration++;
                WriteDecoderInputs(latents, labels, 0, batch);
                decoder.Begin(batch);
                return new IncrementalDecode(this, output, IncrementalGeneration);
            }
        }

        /// <summary>
        /// One step of the incremental decode <paramref name="generation"/>; when it finishes, copies the result into
        /// <paramref name="output"/> and returns false. Serialized with every other call on this model.
        /// </summary>
        internal bool StepDecode(int generation, float[] output)
        {
            lock (sync)
            {
                if (disposed) throw new ObjectDisposedException(nameof(VaeModel), "The model was disposed during an incremental decode.");
                if (IncrementalGeneration != generation)
                {
                    throw new InvalidOperationException("A newer BeginDecode on the same model abandoned this incremental decode; start it again.");
                }
                if (decoder.Step()) return true;
                decoder.StepOutput(0).CopyTo(output);
                return false;
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
            }
        }

        /// <summary>Decodes items start..start+count-1; the result is the decoder session's own output buffer (caller holds the lock).</summary>
        private ReadOnlySpan<float> RunDecoder(ReadOnlySpan<float> latents, ReadOnlySpan<int> labels, int start, int count)
        {
            WriteDecoderInputs(latents, labels, start, count);
            decoder.Run(count);
            return decoder.Output(count, 0);
        }

        /// <summary>Writes latents (and one-hot labels) of items start..start+count-1 into the decoder's inputs for batch count.</summary>
        private void WriteDecoderInputs(ReadOnlySpan<float> latents, ReadOnlySpan<int> labels, int start, int count)
        {
            latents.Slice(start * LatentSize, count * LatentSize).CopyTo(decoder.Input(count, 0));
            if (Contract.IsConditional) FillOneHot(labels.Slice(start, count), decoder.Input(count, 1));
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
            if (!Contract.IsConditional)
            {
                if (labels.Length != 0) throw VaeModelKindException.NoLabels(Contract);
                return;
            }
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

        private void FillOneHot(ReadOnlySpan<int> labels, Span<float> destination)
        {
            int classes = Contract.ClassLabels.Count;
            destination.Clear();
            for (int n = 0; n < labels.Length; n++) destination[n * classes + labels[n]] = 1f;
        }

        private static void RequireLength(int actual, int expected, string name)
        {
            if (actual < expected)
            {
                throw new ArgumentException($"Buffer '{name}' holds {actual} values but {expected} are needed.", name);
            }
        }

        private void RequireKind(ModelKind kind, string call)
        {
            if (Contract.Kind != kind) throw VaeModelKindException.NeedsKind(Contract, kind, call);
        }

        /// <summary>Checks one label argument: a label index of a conditional model, <see cref="NoLabel"/> for an unconditional one.</summary>
        private void RequireLabel(int label, string name)
        {
            if (!Contract.IsConditional)
            {
                if (label != NoLabel) throw VaeModelKindException.NoLabels(Contract);
                return;
            }
            if (label < 0 || label >= Contract.ClassLabels.Count)
            {
                throw new ArgumentException($"This model is conditional; pass a label index 0..{Contract.ClassLabels.Count - 1} ({string.Join(", ", Contract.ClassLabels)}; VaeModel.LabelIndex turns a name into its index), not {label}.", name);
            }
        }

        /// <summary>The one-item label span of a single-item call (null for an unconditional model), after checking the label.</summary>
        private int[]? OneLabel(int label)
        {
            RequireLabel(label, nameof(label));
            return Contract.IsConditional ? new[] { label } : null;
        }

        private void RequireItems(int length, string name)
        {
            if (length == 0 || length % ItemSize != 0)
            {
                throw new ArgumentException($"Data length {length} is not a positive multiple of the item size {ItemSize} ({Contract.Channels}x{Contract.Height}x{Contract.Width}).", name);
            }
        }


        private void ThrowIfDisposed()
        {
            if (disposed) throw new ObjectDisposedException(nameof(VaeModel), "The model was disposed; load it again.");
        }
    }
}
