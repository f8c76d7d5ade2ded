namespace VaeProcgen.Contract
{
    /// <summary>The reconstruction likelihood the model was trained with; it decides how scores are computed.</summary>
    public enum Likelihood
    {
        /// <summary>Independent Bernoulli per value in [0,1] (binary cross-entropy).</summary>
        Bernoulli,
        /// <summary>Independent unit-variance Gaussian per value (squared error).</summary>
        Gaussian,
        /// <summary>One categorical variable per cell over the channel axis (softmax cross-entropy).</summary>
        Categorical,
    }
}
