using System;
using VaeProcgen.Contract;
using static TorchSharp.torch;

namespace VaeProcgen.Trainer.Training
{
    /// <summary>
    /// Per-item reconstruction negative log-likelihood and KL to the standard normal prior, in nats.
    /// Bernoulli: binary cross-entropy on values in [0,1]; Gaussian: exact negative log-density with a fixed
    /// sigma; categorical: softmax cross-entropy over the channel axis per cell.
    /// </summary>
    public static class VaeLoss
    {
        /// <summary>Reconstruction NLL per item [N] for logits and targets [N,C,H,W].</summary>
        public static Tensor Reconstruction(Tensor logits, Tensor target, Likelihood likelihood, double gaussianSigma)
        {
            switch (likelihood)
            {
                case Likelihood.Bernoulli:
                    return nn.functional.binary_cross_entropy_with_logits(logits, target, reduction: nn.Reduction.None).flatten(1).sum(1);
                case Likelihood.Gaussian:
                    {
                        long values = target[0].numel();
                        Tensor squared = (logits.sigmoid() - target).square().flatten(1).sum(1);
                        double constant = values * Math.Log(gaussianSigma * Math.Sqrt(2 * Math.PI));
                        return squared / (2 * gaussianSigma * gaussianSigma) + constant;
                    }
                case Likelihood.Categorical:
                    return -(target * logits.log_softmax(1)).flatten(1).sum(1);
                default:
                    throw new ArgumentOutOfRangeException(nameof(likelihood), likelihood, null);
            }
        }

        /// <summary>
        /// Per-item [N] squared error of the opponent colour channels rg = R - G and yb = (R + G) / 2 - B between
        /// <paramref name="decoded"/> sprites (values in [0, 1], the sigmoid of the logits) and the targets, each pixel
        /// weighted by its target alpha, for RGBA tensors [N, 4, H, W] with straight alpha.
        /// </summary>
        public static Tensor ColourError(Tensor decoded, Tensor target)
        {
            using var scope = NewDisposeScope();
            Tensor difference = decoded - target;
            Tensor red = difference[.., 0], green = difference[.., 1], blue = difference[.., 2];
            Tensor rg = red - green;
            Tensor yb = (red + green) * 0.5 - blue;
            return ((rg.square() + yb.square()) * target[.., 3]).flatten(1).sum(1).MoveToOuterDisposeScope();
        }

        /// <summary>Side in pixels of the square windows over which <see cref="LocalContrastMismatch"/> averages contrast.</summary>
        public const int LocalContrastWindow = 4;

        /// <summary>
        /// Mean [scalar] over items of the local-contrast mismatch between <paramref name="decoded"/> sprites and their
        /// targets (RGBA [N, 4, H, W], straight alpha, values in [0, 1]): the absolute difference of horizontally and of
        /// vertically adjacent premultiplied values (RGB and alpha), averaged over every
        /// <see cref="LocalContrastWindow"/>-square window (sliding by one pixel), compared window by window and summed.
        /// Each neighbourhood of a reconstruction must carry as much detail as the same neighbourhood of its sprite,
        /// wherever inside it that detail lies, so a decoder that cannot place a texture exactly is not pushed to a flat
        /// average of it. Sliding windows leave no fixed grid of cells whose borders the decoder could line with contrast
        /// (4x4 cells side by side gave a gingham over large items).
        /// </summary>
        public static Tensor LocalContrastMismatch(Tensor decoded, Tensor target)
        {
            using var scope = NewDisposeScope();
            var (decodedAcross, decodedDown) = LocalContrast(decoded);
            var (targetAcross, targetDown) = LocalContrast(target);
            Tensor across = (decodedAcross - targetAcross).abs().flatten(1).sum(1);
            Tensor down = (decodedDown - targetDown).abs().flatten(1).sum(1);
            return (across + down).mean().MoveToOuterDisposeScope();
        }

        private static (Tensor Across, Tensor Down) LocalContrast(Tensor sprites)
        {
            Tensor alpha = sprites[.., 3..4];
            Tensor premultiplied = cat(new[] { sprites[.., ..3] * alpha, alpha }, 1);
            Tensor across = (premultiplied[.., .., .., 1..] - premultiplied[.., .., .., ..^1]).abs();
            Tensor down = (premultiplied[.., .., 1..] - premultiplied[.., .., ..^1]).abs();
            across = nn.functional.pad(across, new long[] { 0, 1, 0, 0 });
            down = nn.functional.pad(down, new long[] { 0, 0, 0, 1 });
            return (nn.functional.avg_pool2d(across, LocalContrastWindow, 1), nn.functional.avg_pool2d(down, LocalContrastWindow, 1));
        }

        /// <summary>KL(q(z|x) || N(0,I)) per item and latent dimension [N,K].</summary>
        public static Tensor KlPerDimension(Tensor mean, Tensor logVariance) =>
            (mean.square() + logVariance.exp() - logVariance - 1) * 0.5;
    }
}
