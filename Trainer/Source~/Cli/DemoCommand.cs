using System;
using System.CommandLine;
using System.IO;
using VaeProcgen.Authoring;
using VaeProcgen.Contract;
using VaeProcgen.Generation;
using VaeProcgen.Trainer.Data;
using VaeProcgen.Trainer.Imaging;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>`demo`: train on the embedded sprites, export, and write samples.png and interpolation.png.</summary>
    internal static class DemoCommand
    {
        public static Command Create()
        {
            var command = new Command("demo", "Train on the embedded DCSS item sprites (or, with --kind tiles, the embedded Super Mario Bros levels), export the model and write previews (samples.png and interpolation.png, or level.txt and level.png).");
            var tiles = new TileDataOptions();
            var output = SharedOptions.Out("Output folder.");
            var settings = new TrainingSettingsOptions(DefaultEpochs);
            command.Options.Add(output);
            settings.AddTo(command);
            tiles.AddTo(command);
            command.SetAction(parsed => CommandLine.Guard(() =>
            {
                string folder = parsed.GetValue(output)!;
                ModelKind kind = tiles.Kind(parsed);
                if (kind == ModelKind.Tiles && tiles.Legend(parsed) != null) throw new UserErrorException("demo trains on the embedded levels; use 'train --kind tiles --data DIR --legend FILE' for your own levels.");
                TrainingOptions options = settings.Read(parsed, kind);
                using (PreparedData prepared = TrainCommand.Prepare(parsed, kind, null, settings, tiles, null, options))
                {
                    settings.ApplyLayoutDefaults(parsed, prepared, options);
                    RunDescription run = TrainingJob.Describe(prepared, settings.Preset(parsed, prepared, options), settings.Latent(parsed, kind), settings.Conditional(parsed), options);
                    settings.ApplyPrior(parsed, run);
                    TrainingResult result = TrainingConsole.Run(new TrainingJob(folder, run, resume: false), prepared);
                    if (!result.Completed) return 130;
                }
                if (kind == ModelKind.Tiles) WriteLevelPreview(folder);
                else WritePreviews(folder);
                return 0;
            }));
            return command;
        }

        /// <summary>
        /// Default epoch count of the demo: about two minutes of training on 2 cores, so that the whole demo, build included,
        /// stays within three minutes; 60 epochs gave the same figures (README, Set-up and Quality, fourteenth session).
        /// </summary>
        public const int DefaultEpochs = 50;

        /// <summary>Writes samples.png (64 seeds) and interpolation.png (between two embedded sprites) for a trained model folder.</summary>
        public static void WritePreviews(string folder)
        {
            using VaeModel vae = VaeModel.Load(folder);
            string samplesPath = Path.Combine(folder, "samples.png");
            string label = vae.Contract.IsConditional ? vae.Contract.ClassLabels[0] : null!;
            byte[] rgba = SampleCommand.Generate(vae, 0, 64, vae.Contract.IsConditional ? label : null);
            PaletteSnapper? snapper = PaletteSnapper.ForModel(vae.Contract);
            var samples = SpriteSheets.Split(rgba, 64, vae.Contract.Width, vae.Contract.Height);
            PaletteOptions.Apply(snapper, samples);
            SpriteSheets.SaveGrid(samples, 8, samplesPath);
            if (!vae.Contract.IsConditional)
            {
                var sprites = SpriteDataset.LoadEmbedded(new SpriteLoadOptions { Width = vae.Contract.Width, Height = vae.Contract.Height });
                RgbaImage a = FindSprite(sprites, "potion");
                RgbaImage b = FindSprite(sprites, "weapon");
                var strip = InterpolateCommand.Strip(vae, vae.EncodeRgba(a.Pixels).Mean, vae.EncodeRgba(b.Pixels).Mean, 10, InterpolationMode.Spherical);
                PaletteOptions.Apply(snapper, strip);
                SpriteSheets.SaveGrid(strip, strip.Count, Path.Combine(folder, "interpolation.png"));
            }
            Console.WriteLine($"wrote {samplesPath} and interpolation.png ({vae.Backend} backend)");
        }

        /// <summary>Writes level.txt and level.png (seed 0, default segments, repaired) for a trained tiles model folder.</summary>
        public static void WriteLevelPreview(string folder)
        {
            using VaeModel vae = VaeModel.Load(folder);
            string path = Path.Combine(folder, "level.txt");
            var result = LevelsCommand.Write(vae, 0, LevelDefaults.Segments, LevelsCommand.Options(vae, true, LevelDefaults.Temperature, LevelDefaults.Candidates), path);
            Console.WriteLine($"wrote a {result.Grid.Height} x {result.Grid.Width} level to {path} and level.png ({vae.Backend} backend)");
        }

        private static RgbaImage FindSprite(SpriteDataset sprites, string label)
        {
            foreach (SpriteItem item in sprites.Items)
            {
                if (item.Label == label) return item.Image;
            }
            return sprites.Items[0].Image;
        }
    }
}
