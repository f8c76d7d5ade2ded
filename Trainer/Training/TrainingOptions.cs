using VaeProcgen.Contract;

namespace VaeProcgen.Trainer.Training
{
    /// <summary>Hyper-parameters of one training run. Defaults are the demo's settings.</summary>
    public sealed class TrainingOptions
    {
        /// <summary>Passes over the training set.</summary>
        public int Epochs { get; set; } = 40;
        /// <summary>Items per Adam step.</summary>
        public int BatchSize { get; set; } = 32;
        /// <summary>Adam learning rate at the start (decays on a cosine to 5% of it by the last epoch).</summary>
        public double LearningRate { get; set; } = 2e-3;
        /// <summary>Decoupled weight decay (AdamW); 0 = plain Adam.</summary>
        public double WeightDecay { get; set; }
        /// <summary>Weight of the KL term after warm-up (1 = the true ELBO).</summary>
        public double Beta { get; set; } = 1.0;
        /// <summary>Adam steps over which the KL weight rises linearly from 0 to <see cref="Beta"/>.</summary>
        public int WarmupSteps { get; set; } = 500;
        /// <summary>Free bits: minimum nats per latent dimension (batch-averaged) below which KL is not penalised; 0 = off.</summary>
        public double FreeBits { get; set; }
        /// <summary>Reconstruction likelihood.</summary>
        public Likelihood Likelihood { get; set; } = Likelihood.Bernoulli;
        /// <summary>Standard deviation of the Gaussian likelihood (only for <see cref="Likelihood.Gaussian"/>).</summary>
        public double GaussianSigma { get; set; } = 0.1;
        /// <summary>Random horizontal flips of training items (sprites only).</summary>
        public bool FlipAugment { get; set; } = true;
        /// <summary>Channel dropout after each decoder upsampling stage during training (0 = off; inactive at export).</summary>
        public double DecoderDropout { get; set; }
        /// <summary>Decay of the exponential moving average of the weights that is evaluated and exported (0 = off).</summary>
        public double EmaDecay { get; set; }
        /// <summary>Largest random shift (pixels, both axes, per batch) applied to training sprites; 0 = off.</summary>
        public int ShiftAugment { get; set; }
        /// <summary>Random permutations of the R, G and B planes of training items (sprites only): recolours teach the model colour is free.</summary>
        public bool ColourAugment { get; set; }
        /// <summary>Seed of every random choice (init, shuffling, noise).</summary>
        public long Seed { get; set; } = 1;
    }
}
