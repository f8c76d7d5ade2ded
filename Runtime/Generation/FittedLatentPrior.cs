using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using VaeProcgen.Contract;

namespace VaeProcgen.Generation
{
    /// <summary>
    /// The aggregate posterior of the training set, stored in the contract at export: a mixture with one
    /// Gaussian per training item, N(mu_i, sigma_i^2 + h^2), where (mu_i, sigma_i) is the encoder's posterior of
    /// item i and h a bandwidth that widens each component. Sampling it (pick a component from the seed, then a
    /// point) lands in the regions the decoder was trained on, which the N(0, I) prior of a VAE trained on a
    /// few hundred sprites does not fill ("prior holes"). A two-level model stores components for its global latent only
    /// (the first <see cref="ComponentDimensions"/> values); its remaining latent values (the local noise, whose prior is
    /// N(0, 1) by construction) are drawn from N(0, t^2) with t = <see cref="TailSpread"/>. When the components cover a
    /// two-level latent whole, its local values can instead move by one shift per local channel (<see cref="CoherentLocalNoise"/>).
    /// Immutable and thread-safe.
    /// </summary>
    public sealed class FittedLatentPrior
    {
        private readonly float[] means;
        private readonly float[] sigmas;
        private readonly int[] componentLabels;

        /// <summary>
        /// Creates a prior from component means and posterior standard deviations (count x latentSize each; arrays are
        /// kept). For conditional models, <paramref name="labels"/> gives each component's class index (else empty).
        /// <paramref name="componentDimensions"/> (0 = all) is how many leading latent values the components describe; the
        /// rest are drawn from N(0, <paramref name="tailSpread"/>^2). <paramref name="localNoise"/> (null = independent
        /// noise for every value) says how the components' local values are sampled.
        /// </summary>
        internal FittedLatentPrior(int latentSize, float[] means, float[] sigmas, double bandwidth, int[]? labels = null, int componentDimensions = 0, double tailSpread = 1.0,
            CoherentLocalNoise? localNoise = null)
        {
            if (latentSize < 1) throw new ArgumentOutOfRangeException(nameof(latentSize));
            if (componentDimensions == 0) componentDimensions = latentSize;
            if (componentDimensions < 1 || componentDimensions > latentSize) throw new ArgumentOutOfRangeException(nameof(componentDimensions));
            if (means.Length == 0 || means.Length % componentDimensions != 0 || sigmas.Length != means.Length)
            {
                throw new ArgumentException($"Means ({means.Length}) and sigmas ({sigmas.Length}) must hold the same positive multiple of the component size {componentDimensions}.");
            }
            if (!(bandwidth >= 0) || double.IsInfinity(bandwidth)) throw new ArgumentOutOfRangeException(nameof(bandwidth));
            if (!(tailSpread >= 0) || double.IsInfinity(tailSpread)) throw new ArgumentOutOfRangeException(nameof(tailSpread));
            if (localNoise != null && !localNoise.Fits(componentDimensions))
            {
                throw new ArgumentException($"{componentDimensions - localNoise.GlobalDimensions} local values do not split into {localNoise.Channels} channels.", nameof(localNoise));
            }
            labels ??= Array.Empty<int>();
            if (labels.Length != 0 && labels.Length != means.Length / componentDimensions)
            {
                throw new ArgumentException($"{labels.Length} component labels given for {means.Length / componentDimensions} components.", nameof(labels));
            }
            componentLabels = labels;
            LatentSize = latentSize;
            ComponentDimensions = componentDimensions;
            TailSpread = tailSpread;
            LocalNoise = localNoise;
            this.means = means;
            this.sigmas = sigmas;
            Bandwidth = bandwidth;
        }

        /// <summary>Latent size K.</summary>
        public int LatentSize { get; }
        /// <summary>Leading latent values the components describe (K for a one-level model, the global latent size for a two-level one).</summary>
        public int ComponentDimensions { get; }
        /// <summary>Standard deviation of the latent values after <see cref="ComponentDimensions"/>.</summary>
        public double TailSpread { get; }
        /// <summary>How the components' local values move together, or null (every value gets its own draw).</summary>
        internal CoherentLocalNoise? LocalNoise { get; }
        /// <summary>Number of mixture components (training items).</summary>
        public int Count => means.Length / ComponentDimensions;
        /// <summary>Extra standard deviation added (in quadrature) to every component.</summary>
        public double Bandwidth { get; }

        /// <summary>True when every component carries the class label of its training item.</summary>
        public bool HasLabels => componentLabels.Length != 0;

        /// <summary>
        /// Writes the latent of <paramref name="seed"/>: a component chosen by DeterministicRandom(seed) (among the
        /// components of class <paramref name="label"/> when it is not negative and the prior has labels), then one
        /// normal draw per dimension (per local channel with a coherent local noise). A class with no component falls back
        /// to all components.
        /// </summary>
        public void Sample(long seed, Span<float> destination, int label = VaeModel.NoLabel) => Sample(seed, destination, label, 1.0);

        /// <summary>
        /// As <see cref="Sample(long, Span{float}, int)"/> with the component's spread scaled by <paramref name="spread"/>:
        /// 0 gives the component's mean (the encoding of one training item), 1 the fitted prior itself.
        /// </summary>
        public void Sample(long seed, Span<float> destination, int label, double spread)
        {
            if (!(spread >= 0) || double.IsInfinity(spread)) throw new ArgumentOutOfRangeException(nameof(spread), "Spread must be zero or positive.");
            if (destination.Length < LatentSize) throw new ArgumentException($"Destination holds {destination.Length} values but {LatentSize} are needed.", nameof(destination));
            var random = new DeterministicRandom(seed);
            int offset = PickComponent(random, label) * ComponentDimensions;
            double h2 = Bandwidth * Bandwidth;
            int independent = LocalNoise?.GlobalDimensions ?? ComponentDimensions;
            for (int k = 0; k < independent; k++)
            {
                double s = sigmas[offset + k];
                destination[k] = (float)(means[offset + k] + spread * Math.Sqrt(s * s + h2) * random.NextNormal());
            }
            LocalNoise?.Apply(means, sigmas, offset, ComponentDimensions, random, spread, destination);
            for (int k = ComponentDimensions; k < LatentSize; k++)
            {
                destination[k] = (float)(spread * TailSpread * random.NextNormal());
            }
        }

        private int PickComponent(DeterministicRandom random, int label)
        {
            int matching = 0;
            if (label >= 0 && HasLabels)
            {
                foreach (int l in componentLabels) if (l == label) matching++;
            }
            if (matching == 0) return random.NextInt(Count);
            int pick = random.NextInt(matching);
            for (int i = 0; i < componentLabels.Length; i++)
            {
                if (componentLabels[i] == label && pick-- == 0) return i;
            }
            throw new InvalidOperationException("unreachable");
        }

        /// <summary>
        /// The contract value: {"kind":"aggregate_posterior","count":N,"bandwidth":h,"means":base64,"sigmas":base64} (float32
        /// little-endian), plus "dimensions":D and "tail_spread":t when the components describe fewer values than the latent.
        /// </summary>
        internal string ToContractValue() =>
            new StringBuilder("{\"kind\":\"aggregate_posterior\",\"count\":").Append(Count.ToString(CultureInfo.InvariantCulture))
                .Append(",\"bandwidth\":").Append(Bandwidth.ToString("R", CultureInfo.InvariantCulture))
                .Append(ComponentDimensions < LatentSize
                    ? ",\"dimensions\":" + ComponentDimensions.ToString(CultureInfo.InvariantCulture) + ",\"tail_spread\":" + TailSpread.ToString("R", CultureInfo.InvariantCulture)
                    : "")
                .Append(LocalNoise == null ? "" : ",\"global_dimensions\":" + LocalNoise.GlobalDimensions.ToString(CultureInfo.InvariantCulture)
                    + ",\"local_channels\":" + LocalNoise.Channels.ToString(CultureInfo.InvariantCulture) + ",\"local_shift\":" + LocalNoise.Shift.ToString("R", CultureInfo.InvariantCulture))
                .Append(",\"means\":\"").Append(Encode(means)).Append("\",\"sigmas\":\"").Append(Encode(sigmas)).Append('"')
                .Append(HasLabels ? ",\"labels\":[" + string.Join(",", componentLabels) + "]" : "").Append('}').ToString();

        /// <summary>Parses the contract value for a latent size; null when malformed or non-finite.</summary>
        internal static FittedLatentPrior? Parse(string text, int latentSize)
        {
            try
            {
                if (!(ContractJson.Parse(text) is Dictionary<string, object?> fields)) return null;
                if (!(fields.TryGetValue("kind", out object? kind) && kind is string k && k == "aggregate_posterior")) return null;
                if (!(fields.TryGetValue("bandwidth", out object? h) && h is double bandwidth) || !(bandwidth >= 0) || double.IsInfinity(bandwidth)) return null;
                if (!(fields.TryGetValue("means", out object? m) && m is string meansText)) return null;
                if (!(fields.TryGetValue("sigmas", out object? s) && s is string sigmasText)) return null;
                int dimensions = latentSize;
                double tailSpread = 1.0;
                if (fields.TryGetValue("dimensions", out object? dimensionsValue))
                {
                    if (!(dimensionsValue is double dims) || dims < 1 || dims > latentSize || dims != Math.Floor(dims)) return null;
                    if (!(fields.TryGetValue("tail_spread", out object? t) && t is double spreadValue) || !(spreadValue >= 0) || double.IsInfinity(spreadValue)) return null;
                    dimensions = (int)dims;
                    tailSpread = spreadValue;
                }
                CoherentLocalNoise? localNoise = null;
                if (fields.TryGetValue("local_shift", out object? shiftValue))
                {
                    if (!(shiftValue is double shift) || !(shift >= 0) || double.IsInfinity(shift)) return null;
                    if (!(fields.TryGetValue("global_dimensions", out object? g) && g is double global) || global < 0 || global >= dimensions || global != Math.Floor(global)) return null;
                    if (!(fields.TryGetValue("local_channels", out object? c) && c is double channels) || channels < 1 || channels != Math.Floor(channels)) return null;
                    localNoise = new CoherentLocalNoise((int)global, (int)channels, shift);
                    if (!localNoise.Fits(dimensions)) return null;
                }
                float[] means = Decode(meansText);
                float[] sigmas = Decode(sigmasText);
                if (means.Length == 0 || means.Length % dimensions != 0 || sigmas.Length != means.Length) return null;
                foreach (float v in means) if (float.IsNaN(v) || float.IsInfinity(v)) return null;
                foreach (float v in sigmas) if (!(v >= 0) || float.IsInfinity(v)) return null;
                int[]? labels = null;
                if (fields.TryGetValue("labels", out object? l))
                {
                    if (!(l is List<object?> list) || list.Count != means.Length / dimensions) return null;
                    labels = new int[list.Count];
                    for (int i = 0; i < list.Count; i++)
                    {
                        if (!(list[i] is double d) || d < 0 || d > int.MaxValue || d != Math.Floor(d)) return null;
                        labels[i] = (int)d;
                    }
                }
                return new FittedLatentPrior(latentSize, means, sigmas, bandwidth, labels, dimensions, tailSpread, localNoise);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private static string Encode(float[] values)
        {
            var bytes = new byte[values.Length * 4];
            for (int i = 0; i < values.Length; i++)
            {
                int bits = BitConverter.SingleToInt32Bits(values[i]);
                bytes[i * 4] = (byte)bits;
                bytes[i * 4 + 1] = (byte)(bits >> 8);
                bytes[i * 4 + 2] = (byte)(bits >> 16);
                bytes[i * 4 + 3] = (byte)(bits >> 24);
            }
            return Convert.ToBase64String(bytes);
        }

        private static float[] Decode(string text)
        {
            byte[] bytes = Convert.FromBase64String(text);
            if (bytes.Length % 4 != 0) throw new FormatException("float data length is not a multiple of 4");
            var values = new float[bytes.Length / 4];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = BitConverter.Int32BitsToSingle(bytes[i * 4] | bytes[i * 4 + 1] << 8 | bytes[i * 4 + 2] << 16 | bytes[i * 4 + 3] << 24);
            }
            return values;
        }
    }
}
