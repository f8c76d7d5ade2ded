using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text.Json;
using VaeProcgen.Authoring;
using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Trainer.Cli
{
    /// <summary>`vary`: variations of one sprite (encode, perturb the latent, decode).</summary>
    internal static class VaryCommand
    {
        /// <summary>Default of --count.</summary>
        public const int DefaultCount = 8;
        /// <summary>Default of --strength.</summary>
        public const float DefaultStrength = 0.5f;

        public static Command Create()
        {
            var command = new Command("vary", "Write variations of a sprite: variation-NN.png files and contact-sheet.png (the original first).");
            var model = SharedOptions.Model();
            var input = new Option<string>("--input") { Description = "Sprite PNG to vary.", Required = true };
            var count = new Option<int>("--count") { Description = "Number of variations.", DefaultValueFactory = _ => DefaultCount };
            var strength = new Option<float>("--strength") { Description = "Latent noise in prior standard deviations (0 = reconstruction).", DefaultValueFactory = _ => DefaultStrength };
            var seed = SharedOptions.Seed(0);
            var label = new Option<string?>("--label") { Description = "Class label of the sprite (conditional models)." };
            var output = SharedOptions.Out("Output folder.");
            var backend = SharedOptions.BackendChoice();
            var palette = new PaletteOptions(ofSource: true);
            var noDetail = new Option<bool>("--no-source-detail") { Description = "Write the decoder's variations alone. By default the sprite's own detail (its difference from its reconstruction: dithering, small gems, thin outlines the model cannot hold) is added back wherever a variation kept the sprite, so strength 0 gives the sprite itself." };
            var report = new Option<bool>("--report") { Description = "Also measure the variations (colourfulness and sharpness against the source, distances to the source and to each other, held-out nearest-neighbour distance for scale): a table and report.json in --out. --data, --split-seed, --test-fraction and --fit say which sprites the model was trained on." };
            var data = new QualityDataOptions();
            foreach (Option o in new Option[] { model, input, count, strength, seed, label, output, backend, noDetail, report }) command.Options.Add(o);
            palette.AddTo(command);
            data.AddTo(command);
            command.SetAction(parsed => CommandLine.Guard(() =>
            {
                int n = parsed.GetValue(count);
                if (n < 1 || n > 1024) throw new UserErrorException($"--count must be between 1 and 1024 (got {n}).");
                float s = parsed.GetValue(strength);
                if (!(s >= 0) || float.IsInfinity(s)) throw new UserErrorException($"--strength must be zero or positive (got {s}).");
                string path = parsed.GetValue(input)!;
                if (!File.Exists(path)) throw new UserErrorException($"--input '{path}' does not exist; pass a sprite PNG.");
                string modelFolder = parsed.GetValue(model)!;
                using VaeModel vae = SharedOptions.LoadModel(modelFolder, parsed.GetValue(backend)!);
                SampleCommand.RequireSprites(vae);
                if (!vae.HasEncoder) throw new UserErrorException("The model folder has no encoder.onnx, which vary needs; re-export the model.");
                int labelIndex = -1;
                if (vae.Contract.IsConditional)
                {
                    string? text = parsed.GetValue(label);
                    if (text == null) throw new UserErrorException($"This model is conditional; pass --label with one of: {string.Join(", ", vae.Contract.ClassLabels)}.");
                    labelIndex = SampleCommand.LabelIndexOrUserError(vae, text);
                }
                RgbaImage original = SpriteFitter.Fit(PngCodec.Decode(File.ReadAllBytes(path), path), vae.Contract.Width, vae.Contract.Height, SpriteFitMode.Scale);
                var images = new List<RgbaImage>();
                foreach (byte[] rgba in SpriteVariations.Vary(vae, original.Pixels, n, s, parsed.GetValue(seed), labelIndex, keepSourceDetail: !parsed.GetValue(noDetail)))
                {
                    images.Add(new RgbaImage(vae.Contract.Width, vae.Contract.Height, rgba));
                }
                PaletteOptions.Apply(palette.ReadForVariations(parsed, vae, original), images);
                string folder = parsed.GetValue(output)!;
                Directory.CreateDirectory(folder);
                for (int i = 0; i < images.Count; i++)
                {
                    PngCodec.Save(images[i], Path.Combine(folder, string.Format(CultureInfo.InvariantCulture, "variation-{0:D2}.png", i)));
                }
                var sheet = new List<RgbaImage> { original };
                sheet.AddRange(images);
                string sheetPath = Path.Combine(folder, "contact-sheet.png");
                SpriteSheets.SaveGrid(sheet, SpriteSheets.ColumnsFor(sheet.Count), sheetPath);
                Console.WriteLine($"wrote {n} variations and {sheetPath}");
                if (parsed.GetValue(report))
                {
                    var (train, heldOut) = data.Load(parsed, vae, modelFolder);
                    var measured = VariationQualityReport.Measure(original.Pixels, images.ConvertAll(i => i.Pixels), vae.Contract.Width, vae.Contract.Height, s, SpriteQualityReport.HeldOutNearestDistance(train, heldOut));
                    Console.Write(measured.ToTable());
                    string reportPath = Path.Combine(folder, "report.json");
                    AtomicText.Write(reportPath, JsonSerializer.Serialize(measured, new JsonSerializerOptions { WriteIndented = true }));
                    Console.WriteLine($"wrote {reportPath}");
                }
                return 0;
            }));
            return command;
        }
    }
}
