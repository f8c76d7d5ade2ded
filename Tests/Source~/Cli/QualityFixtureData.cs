using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using VaeProcgen.Tests.Authoring;
using VaeProcgen.Trainer.Data;

namespace VaeProcgen.Tests.Cli
{
    /// <summary>The unconditional authoring model's training sprites as a PNG folder, and its split, written once per test run.</summary>
    internal static class QualityFixtureData
    {
        private static readonly Lazy<string> folder = new Lazy<string>(() =>
        {
            string path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "quality-data");
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            return AuthoringModels.WriteFolder(AuthoringModels.TrainingClasses(), path);
        }, LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>Folder holding the potion + ring sprites the authoring models trained on.</summary>
        public static string Folder => folder.Value;

        /// <summary>The options that reproduce the authoring models' split.</summary>
        public static string[] SplitOptions => new[] { "--data", Folder, "--split-seed", AuthoringModels.SplitSeed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--test-fraction", AuthoringModels.TestFraction.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        /// <summary>Training part of the split.</summary>
        public static SpriteDataset Train() => AuthoringModels.TrainingClasses().Split(AuthoringModels.TestFraction, AuthoringModels.SplitSeed).Train;

        public static List<byte[]> Pixels(SpriteDataset set) => set.Items.Select(i => i.Image.Pixels).ToList();
    }
}
