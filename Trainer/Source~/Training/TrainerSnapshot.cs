using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using VaeProcgen.Trainer.Models;

namespace VaeProcgen.Trainer.Training
{
    /// <summary>
    /// Everything a <see cref="VaeTrainer"/> needs to continue exactly from one moment: live weights, Adam state,
    /// the weight average and the progress state. Held in memory (the trainer's last good state) and written into
    /// checkpoints in the same layout.
    /// </summary>
    internal sealed class TrainerSnapshot
    {
        /// <summary>JSON settings for progress state: NaN and infinities are written as named literals, never thrown on.</summary>
        public static readonly JsonSerializerOptions StateJson = new JsonSerializerOptions { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

        private readonly byte[] weights;
        private readonly string state;

        private TrainerSnapshot(byte[] weights, string state)
        {
            this.weights = weights;
            this.state = state;
        }

        /// <summary>Copies the trainer's current weights, optimizer state and progress.</summary>
        public static TrainerSnapshot Take(VaeTrainer trainer)
        {
            using var buffer = new MemoryStream();
            using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                WriteWeights(writer, trainer);
            }
            return new TrainerSnapshot(buffer.ToArray(), JsonSerializer.Serialize(trainer.State, StateJson));
        }

        /// <summary>Puts the trainer back to this snapshot.</summary>
        public void Restore(VaeTrainer trainer)
        {
            using var reader = new BinaryReader(new MemoryStream(weights, writable: false));
            ReadWeights(reader, trainer);
            trainer.State = JsonSerializer.Deserialize<TrainingProgressState>(state, StateJson)!;
        }

        /// <summary>Writes live weights, optimizer state and (when enabled) the weight average.</summary>
        public static void WriteWeights(BinaryWriter writer, VaeTrainer trainer)
        {
            trainer.LiveModel.save(writer);
            trainer.Optimizer.save_state_dict(writer);
            trainer.AveragedModel?.save(writer);
            if (trainer.Discriminator is var (network, optimizer))
            {
                network.save(writer);
                optimizer.save_state_dict(writer);
            }
        }

        /// <summary>Reads what <see cref="WriteWeights"/> wrote into a trainer built for the same run.</summary>
        public static void ReadWeights(BinaryReader reader, VaeTrainer trainer)
        {
            trainer.LiveModel.load(reader);
            trainer.Optimizer.load_state_dict(reader);
            trainer.AveragedModel?.load(reader);
            if (trainer.Discriminator is var (network, optimizer))
            {
                network.load(reader);
                optimizer.load_state_dict(reader);
            }
        }
    }
}
