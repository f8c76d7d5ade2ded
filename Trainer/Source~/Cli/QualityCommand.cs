using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Text.Json;
using VaeProcgen.Authoring;
using VaeProcgen.Generation;
using VaeProcgen.Trainer.Data;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>
    /// `quality`: colourfulness, sharpness and novelty of N generated sprites against the model's training sprites
    /// (split exactly as `train` split them), plus the held-out -ELBO; a table on the console and JSON.
    /// </summary>
    internal static class QualityCommand
    {
        /// <summary>Seed of the posterior sample in the held-out -ELBO: `eval`'s default, and independent of --seed so the figure does not move with the samples.</summary>
        private const long ElboSeed = 0;

        public static Command Create()
        {
            var command = new Command("quality", "Measure generated sprites against the training sprites: colourfulness, sharpness, novelty and held-out -ELBO (table, or JSON with --json).");
            var model = SharedOptions.Model();
            var samples = new Option<int>("--samples") { Description = "Number of generated sprites (seeds S, S+1, ...).", DefaultValueFactory = _ => 256 };
            var seed = SharedOptions.Seed(0);
            var backend = SharedOptions.BackendChoice();
            var prior = SharedOptions.Prior();
            var json = new Option<string?>("--json") { Description = "Write the report as JSON: to FILE (the table still goes to the console), or to stdout instead of the table when no FILE is given.", Arity = ArgumentArity.ZeroOrOne };
            var varyStrength = new Option<float>("--vary-strength") { Description = $"Also vary every held-out sprite as `vary` does ({VaryCommand.DefaultCount} variations, seed 0) at this strength and report how much colourfulness and sharpness the variations keep (models with an encoder; negative = leave out).", DefaultValueFactory = _ => VaryCommand.DefaultStrength };
            var data = new QualityDataOptions();
            var palette = new PaletteOptions();
            foreach (Option o in new Option[] { model, samples, seed, backend, prior, json, varyStrength }) command.Options.Add(o);
            data.AddTo(command);
            palette.AddTo(command);
            command.SetAction(parsed => CommandLine.Guard(() =>
            {
                int n = parsed.GetValue(samples);
                if (n < 1 || n > 65536) throw new UserErrorException($"--samples must be between 1 and 65536 (got {n}).");
                float strength = parsed.GetValue(varyStrength);
                if (!float.IsFinite(strength)) throw new UserErrorException($"--vary-strength must be a finite number (got {strength}).");
                string folder = parsed.GetValue(model)!;
                using VaeModel vae = SharedOptions.LoadModel(folder, parsed.GetValue(backend)!, parsed.GetValue(prior) == "standard");
                SampleCommand.RequireSprites(vae);
                var (train, heldOut) = data.Load(parsed, vae, folder);
                long firstSeed = parsed.GetValue(seed);
                List<byte[]> generated = Generate(vae, firstSeed, n, train);
                PaletteSnapper? snapper = palette.Read(parsed, vae);
                if (snapper != null) generated.ForEach(sprite => snapper.Snap(sprite));
                SpriteQualityReport report = SpriteQualityReport.Measure(generated, train, heldOut) with
                {
                    FirstSeed = firstSeed,
                    Prior = vae.FittedPrior != null ? "fitted" : "standard",
                    Backend = vae.Backend.ToString(),
                    PaletteSnapped = snapper != null,
                    HeldOutNegElbo = vae.HasEncoder ? EvalCommand.Score(vae, heldOut, ElboSeed).Average(s => s.NegativeElbo) : null,
                    Variations = vae.HasEncoder && strength >= 0 ? VariationSurvey.Measure(vae, heldOut, VaryCommand.DefaultCount, strength, 0, snapper) : null,
                };
                string text = JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true });
                string? jsonPath = parsed.GetValue(json);
                bool jsonToStdout = parsed.GetResult(json) is { Implicit: false } && string.IsNullOrEmpty(jsonPath);
                if (jsonToStdout)
                {
                    Console.WriteLine(text);
                    return 0;
                }
                Console.Write(report.ToTable());
                if (!string.IsNullOrEmpty(jsonPath))
                {
                    AtomicText.Write(jsonPath, text);
                    Console.WriteLine($"wrote {jsonPath}");
                }
                return 0;
            }));
            return command;
        }

        /// <summary>
        /// Sprites of seeds firstSeed .. firstSeed+count-1 drawn from the model's prior. Conditional models draw their
        /// class labels in proportion to the training split (sprite i takes the label of training item i * N / count).
        /// </summary>
        public static List<byte[]> Generate(VaeModel vae, long firstSeed, int count, SpriteDataset train)
        {
            int size = vae.Contract.Width * vae.Contract.Height * 4;
            byte[] rgba;
            if (!vae.Contract.IsConditional)
            {
                rgba = SampleCommand.Generate(vae, firstSeed, count, null);
            }
            else
            {
                int[] labels = Enumerable.Range(0, count).Select(i => SampleCommand.LabelIndexOrUserError(vae, train.Items[(int)((long)i * train.Count / count)].Label)).ToArray();
                var latents = new float[count * vae.LatentSize];
                for (int i = 0; i < count; i++) vae.SampleLatent(unchecked(firstSeed + i), latents.AsSpan(i * vae.LatentSize, vae.LatentSize), labels[i]);
                rgba = new byte[count * size];
                vae.DecodeRgba(latents, rgba, labels);
            }
            var sprites = new List<byte[]>(count);
            for (int i = 0; i < count; i++) sprites.Add(rgba.AsSpan(i * size, size).ToArray());
            return sprites;
        }
    }
}
