using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;
using VaeProcgen.Authoring;
using VaeProcgen.Generation;
using VaeProcgen.Tests.Imaging;
using VaeProcgen.Trainer.Data;

namespace VaeProcgen.Tests.Authoring
{
    public class AnomalyScoreTests
    {
        private static double[] NegElbo(VaeModel vae, SpriteDataset set, int repeats = 8)
        {
            // Average a few one-sample ELBOs so the score is not dominated by posterior noise.
            var total = new double[set.Count];
            float[] data = set.ToPlanarFloats();
            for (int r = 0; r < repeats; r++)
            {
                var scores = new ElboScore[set.Count];
                vae.Score(data, scores, seed: 1000 * r);
                for (int i = 0; i < set.Count; i++) total[i] += scores[i].NegativeElbo / repeats;
            }
            return total;
        }

        /// <summary>Probability that a random outlier scores higher than a random inlier (ties count half).</summary>
        public static double RocAuc(double[] inliers, double[] outliers)
        {
            double wins = 0;
            foreach (double o in outliers)
                foreach (double i in inliers)
                    wins += o > i ? 1 : o == i ? 0.5 : 0;
            return wins / (inliers.Length * (double)outliers.Length);
        }

        [Test]
        public void ImportanceBoundIsBelowTheElboAndTightensWithK()
        {
            using VaeModel vae = VaeModel.Load(AuthoringModels.Unconditional);
            SpriteDataset heldOut = AuthoringModels.HeldOut();
            float[] data = heldOut.ToPlanarFloats();
            double elbo = NegElbo(vae, heldOut, 16).Average();
            double k1 = ImportanceSampling.NegativeLogLikelihoodBound(vae, data, 1, 5).Average();
            double k8 = ImportanceSampling.NegativeLogLikelihoodBound(vae, data, 8, 5).Average();
            double k64 = ImportanceSampling.NegativeLogLikelihoodBound(vae, data, 64, 5).Average();
            TestContext.Out.WriteLine($"held-out mean -ELBO {elbo:F2}, IWAE K=1 {k1:F2}, K=8 {k8:F2}, K=64 {k64:F2} nats");
            Assert.That(k1, Is.EqualTo(elbo).Within(0.02 * elbo), "K=1 is a one-sample -ELBO");
            Assert.That(k8, Is.LessThanOrEqualTo(elbo + 0.5));
            Assert.That(k64, Is.LessThanOrEqualTo(k8 + 0.5));
            Assert.That(k64, Is.LessThan(elbo));
        }

        [Test]
        public void OtherClassesScoreWorseThanHeldOutTrainingClasses()
        {
            using VaeModel vae = VaeModel.Load(AuthoringModels.Unconditional);
            double[] inliers = NegElbo(vae, AuthoringModels.HeldOut());
            double[] outliers = NegElbo(vae, AuthoringModels.OfClasses(15, "weapon", "armour"));
            double auc = RocAuc(inliers, outliers);
            TestContext.Out.WriteLine($"held-out potions/rings vs weapons/armour: mean -ELBO {inliers.Average():F1} vs {outliers.Average():F1}, ROC AUC {auc:F3}");
            Assert.That(auc, Is.GreaterThan(0.8));
        }

        [Test]
        public void ScoreCommandRanksMostAnomalousFirst()
        {
            using var scratch = new ScratchFolder();
            SpriteDataset mixed = AuthoringModels.HeldOut().Subset(Enumerable.Range(0, 4));
            AuthoringModels.WriteFolder(mixed, scratch.Path);
            AuthoringModels.WriteFolder(AuthoringModels.OfClasses(2, "armour"), scratch.Path);
            var (exit, output, error) = CliRun.Run("score", "--model", AuthoringModels.Unconditional, "--data", scratch.Path, "--format", "json");
            Assert.That(exit, Is.EqualTo(0), error);
            using JsonDocument doc = JsonDocument.Parse(output);
            var items = doc.RootElement.GetProperty("items").EnumerateArray().ToList();
            Assert.That(items.Count, Is.EqualTo(6));
            var scores = items.Select(i => i.GetProperty("neg_elbo").GetDouble()).ToList();
            Assert.That(scores, Is.Ordered.Descending);
            Assert.That(items[0].GetProperty("rank").GetInt32(), Is.EqualTo(1));
        }

        [Test]
        public void EvalReportsTheImportanceBoundNextToTheElbo()
        {
            using var scratch = new ScratchFolder();
            AuthoringModels.WriteFolder(AuthoringModels.HeldOut().Subset(Enumerable.Range(0, 3)), scratch.Path);
            var (exit, output, error) = CliRun.Run("eval", "--model", AuthoringModels.Unconditional, "--data", scratch.Path, "--importance-samples", "16");
            Assert.That(exit, Is.EqualTo(0), error);
            using JsonDocument doc = JsonDocument.Parse(output);
            Assert.That(doc.RootElement.GetProperty("importance_samples").GetInt32(), Is.EqualTo(16));
            double bound = doc.RootElement.GetProperty("mean_iwae_nll_bound").GetDouble();
            double elbo = doc.RootElement.GetProperty("mean_neg_elbo").GetDouble();
            Assert.That(bound, Is.LessThan(elbo * 1.05));
        }
    }
}
