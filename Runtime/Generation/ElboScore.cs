namespace VaeProcgen.Generation
{
    /// <summary>How well a model explains one item, in nats: the negative ELBO = reconstruction NLL + KL. Higher = more anomalous.</summary>
    public readonly struct ElboScore
    {
        /// <summary>Creates a score.</summary>
        public ElboScore(double reconstruction, double kl)
        {
            Reconstruction = reconstruction;
            Kl = kl;
        }

        /// <summary>Reconstruction negative log-likelihood (nats).</summary>
        public double Reconstruction { get; }
        /// <summary>KL from the posterior to the standard normal prior (nats).</summary>
        public double Kl { get; }
        /// <summary>Negative ELBO (nats): an upper bound on -log p(x).</summary>
        public double NegativeElbo => Reconstruction + Kl;
    }
}
