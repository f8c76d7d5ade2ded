using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VaeProcgen.Trainer.Training
{
    /// <summary>
    /// A small convolutional critic for the adversarial term of sprite training: it scores every cell of a quarter-
    /// resolution grid of an image as real (high) or decoded (low). A per-pixel dense layer lifts the data channels to
    /// 32 and a per-cell dense layer gives the scores, so every libtorch convolution in between has at least 32 input and
    /// output channels (few-channel convolutions return NaN gradients on some CPUs: docs/NAN-ON-AVX512.md). Used only
    /// in training; never exported. Not thread-safe.
    /// </summary>
    internal sealed class PatchDiscriminator : nn.Module
    {
        private const double Slope = 0.2;
        private readonly Linear lift;
        private readonly Conv2d down1;
        private readonly Conv2d down2;
        private readonly Conv2d mix;
        private readonly Linear score;

        public PatchDiscriminator(int channels) : base("PatchDiscriminator")
        {
            lift = nn.Linear(channels, 32);
            down1 = nn.Conv2d(32, 64, 4, stride: 2, padding: 1);
            down2 = nn.Conv2d(64, 128, 4, stride: 2, padding: 1);
            mix = nn.Conv2d(128, 128, 3, padding: 1);
            score = nn.Linear(128, 1);
            RegisterComponents();
        }

        /// <summary>
        /// Scores [N, cells] for images [N, C, H, W] with values in [0, 1]. When <paramref name="features"/> is given, the
        /// activations of every layer before the score (the features the feature-matching term compares) are appended
        /// to it; the caller owns them.
        /// </summary>
        public Tensor Scores(Tensor images, List<Tensor>? features = null)
        {
            using var scope = NewDisposeScope();
            Tensor h = lift.call(images.permute(0, 2, 3, 1)).permute(0, 3, 1, 2);
            h = nn.functional.leaky_relu(h, Slope);
            features?.Add(h.MoveToOuterDisposeScope());
            foreach (Conv2d convolution in new[] { down1, down2, mix })
            {
                h = nn.functional.leaky_relu(convolution.call(h), Slope);
                features?.Add(h.MoveToOuterDisposeScope());
            }
            return score.call(h.permute(0, 2, 3, 1)).flatten(1).MoveToOuterDisposeScope();
        }
    }
}
