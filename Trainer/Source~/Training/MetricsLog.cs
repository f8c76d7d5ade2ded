using System.Globalization;
using System.IO;
using System.Text;

namespace VaeProcgen.Trainer.Training
{
    /// <summary>Appends one JSON object per epoch to metrics.jsonl (fields epoch, train_loss, test_neg_elbo, test_rec, test_kl, samples_per_second, seconds, max_grad_norm, skipped_steps; non-finite numbers as null).</summary>
    public static class MetricsLog
    {
        /// <summary>File name inside the output folder.</summary>
        public const string FileName = "metrics.jsonl";

        /// <summary>One line of JSON for an epoch.</summary>
        public static string Format(EpochMetrics m)
        {
            var sb = new StringBuilder();
            sb.Append("{\"epoch\":").Append(m.Epoch.ToString(CultureInfo.InvariantCulture));
            Append(sb, "train_loss", m.TrainLoss);
            Append(sb, "test_neg_elbo", m.TestNegElbo);
            Append(sb, "test_rec", m.TestRec);
            Append(sb, "test_kl", m.TestKl);
            Append(sb, "samples_per_second", m.SamplesPerSecond);
            Append(sb, "seconds", m.Seconds);
            Append(sb, "max_grad_norm", m.MaxGradientNorm);
            sb.Append(",\"skipped_steps\":").Append(m.SkippedSteps.ToString(CultureInfo.InvariantCulture));
            return sb.Append('}').ToString();
        }

        /// <summary>Rewrites the file with every epoch so far (atomically), so a resumed run never duplicates lines.</summary>
        public static void Write(string path, System.Collections.Generic.IEnumerable<EpochMetrics> history)
        {
            var sb = new StringBuilder();
            foreach (EpochMetrics m in history) sb.Append(Format(m)).Append('\n');
            string temporary = path + ".tmp";
            try
            {
                File.WriteAllText(temporary, sb.ToString());
                File.Move(temporary, path, overwrite: true);
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
        }

        private static void Append(StringBuilder sb, string name, double value) =>
            sb.Append(",\"").Append(name).Append("\":").Append(double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "null");
    }
}
