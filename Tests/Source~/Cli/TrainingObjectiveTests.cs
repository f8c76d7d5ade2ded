using System.CommandLine;
using NUnit.Framework;
using VaeProcgen.Contract;
using VaeProcgen.Trainer.Cli;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Tests.Cli
{
    /// <summary>`--objective`: how it sets the options the user did not type (parsed only, nothing trains).</summary>
    [TestFixture]
    public class TrainingObjectiveTests
    {
        private static TrainingOptions Read(ModelKind kind, params string[] args)
        {
            var settings = new TrainingSettingsOptions();
            var command = new Command("train");
            settings.AddTo(command);
            return settings.Read(command.Parse(args), kind);
        }

        [Test]
        public void LikelihoodObjective_TrainsLongerWithoutSpriteTerms_AndTypedOptionsWin()
        {
            TrainingOptions samples = Read(ModelKind.Sprite);
            TrainingOptions likelihood = Read(ModelKind.Sprite, "--objective", "likelihood");
            Assert.That(samples.ColourWeight, Is.GreaterThan(0));
            Assert.That(samples.LocalContrastWeight, Is.GreaterThan(0));
            Assert.That(likelihood.Epochs, Is.EqualTo(TrainingOptions.LikelihoodEpochs).And.GreaterThan(samples.Epochs));
            Assert.That(likelihood.ColourWeight, Is.EqualTo(0));
            Assert.That(likelihood.LocalContrastWeight, Is.EqualTo(0));
            Assert.That(likelihood.WeightDecay, Is.EqualTo(TrainingOptions.LikelihoodWeightDecay));
            Assert.That(likelihood.Upsampling, Is.EqualTo(Trainer.Models.DecoderUpsampling.Transposed));
            Assert.That(likelihood.LocalLatentCell, Is.EqualTo(Trainer.Models.VaeArchitecture.QuarterResolutionCell));

            TrainingOptions typed = Read(ModelKind.Sprite, "--objective", "likelihood", "--epochs", "7", "--local-contrast", "0.2", "--weight-decay", "0");
            Assert.That(typed.Epochs, Is.EqualTo(7));
            Assert.That(typed.LocalContrastWeight, Is.EqualTo(0.2));
            Assert.That(typed.WeightDecay, Is.EqualTo(0));
        }

        [Test]
        public void LikelihoodObjective_StartsATypedAdversarialTermHalfWayThroughItsOwnEpochs()
        {
            TrainingOptions options = Read(ModelKind.Sprite, "--objective", "likelihood", "--adversarial", "0.3");
            Assert.That(options.AdversarialWeight, Is.EqualTo(0.3));
            Assert.That(options.AdversarialStartEpoch, Is.EqualTo(TrainingOptions.DefaultAdversarialStart(TrainingOptions.LikelihoodEpochs)));
        }

        [Test]
        public void Objective_OnTiles_IsRefusedWithItsName()
        {
            var error = Assert.Throws<UserErrorException>(() => Read(ModelKind.Tiles, "--objective", "likelihood"))!;
            Assert.That(error.Message, Does.Contain("--objective").And.Contain("sprites only"));
        }
    }
}
