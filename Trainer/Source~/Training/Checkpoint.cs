using System;
using System.IO;
using System.Text.Json;

namespace VaeProcgen.Trainer.Training
{
    /// <summary>
    /// A resumable snapshot: run description (JSON header), weights and Adam state. Written to a temporary file
    /// and renamed over the old checkpoint, so a crash never leaves a half-written one.
    /// </summary>
    public static class Checkpoint
    {
        /// <summary>File name inside the output folder.</summary>
        public const string FileName = "checkpoint.bin";
        private const string Magic = "VAEPROCGEN-CHECKPOINT-1";

        /// <summary>
        /// Test hook (opt-in, off unless set): when this environment variable holds a positive number of
        /// milliseconds, <see cref="Save"/> sleeps that long after the temporary file is complete and before it is
        /// renamed over the checkpoint, so crash tests can kill the process inside that window.
        /// </summary>
        public const string TestPauseVariable = "VAEPROCGEN_TEST_PAUSE_IN_CHECKPOINT_MS";

        /// <summary>
        /// Writes the checkpoint atomically: into a temporary file that is renamed over the old checkpoint, and
        /// deleted again if anything fails before the rename. Non-finite numbers in the progress state are written
        /// as JSON named literals ("NaN"), never rejected.
        /// </summary>
        public static void Save(string path, RunDescription run, TrainingProgressState state, VaeTrainer trainer)
        {
            string temporary = path + ".tmp";
            try
            {
                using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
                using (var writer = new BinaryWriter(stream))
                {
                    writer.Write(Magic);
                    writer.Write(JsonSerializer.Serialize(run, TrainerSnapshot.StateJson));
                    writer.Write(JsonSerializer.Serialize(state, TrainerSnapshot.StateJson));
                    TrainerSnapshot.WriteWeights(writer, trainer);
                    writer.Flush();
                    stream.Flush(true);
                }
                PauseForCrashTests();
                File.Move(temporary, path, overwrite: true);
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
        }

        private static void PauseForCrashTests()
        {
            string? text = Environment.GetEnvironmentVariable(TestPauseVariable);
            if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int ms) && ms > 0)
            {
                System.Threading.Thread.Sleep(ms);
            }
        }

        /// <summary>Reads the run description and progress (without weights) to rebuild the model.</summary>
        public static (RunDescription Run, TrainingProgressState State) ReadHeader(string path)
        {
            using var stream = OpenExisting(path);
            using var reader = new BinaryReader(stream);
            return ReadHeader(reader, path);
        }

        /// <summary>Loads weights and Adam state into a trainer built from the header.</summary>
        public static void LoadWeights(string path, VaeTrainer trainer)
        {
            using var stream = OpenExisting(path);
            using var reader = new BinaryReader(stream);
            ReadHeader(reader, path);
            TrainerSnapshot.ReadWeights(reader, trainer);
        }

        private static (RunDescription, TrainingProgressState) ReadHeader(BinaryReader reader, string path)
        {
            try
            {
                if (reader.ReadString() != Magic) throw new FormatException("wrong magic");
                RunDescription run = JsonSerializer.Deserialize<RunDescription>(reader.ReadString(), TrainerSnapshot.StateJson) ?? throw new FormatException("empty run");
                TrainingProgressState state = JsonSerializer.Deserialize<TrainingProgressState>(reader.ReadString(), TrainerSnapshot.StateJson) ?? throw new FormatException("empty state");
                return (run, state);
            }
            catch (Exception e) when (e is FormatException || e is JsonException || e is EndOfStreamException || e is IOException)
            {
                throw new TrainingException($"Checkpoint '{path}' is not a readable VaeProcgen checkpoint ({e.Message}); delete it and train without --resume.", e);
            }
        }

        private static FileStream OpenExisting(string path)
        {
            if (!File.Exists(path))
            {
                throw new TrainingException($"No checkpoint at '{path}'; train without --resume first.");
            }
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
    }
}
