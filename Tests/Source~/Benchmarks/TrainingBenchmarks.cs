using System.Collections.Generic;
using System.Threading;
using BenchmarkDotNet.Attributes;
using TorchSharp;
using VaeProcgen.Trainer.Models;
using VaeProcgen.Trainer.Training;

namespace VaeProcgen.Benchmarks
{
    /// <summary>
    /// Training throughput of <see cref="VaeTrainer"/> (one epoch of <see cref="TrainingData.StepsPerOperation"/>
    /// Adam steps plus its one-item evaluation, flip augmentation off so both sides do the same math) against
    /// <see cref="BareTrainingLoop"/> on an identically initialised model, batch and data. Items/s =
    /// <see cref="TrainingData.ItemsPerOperation"/> / time per operation.
    /// </summary>
    [MemoryDiagnoser]
    public class TrainingBenchmarks
    {
        private TrainingSet train = null!;
        private TrainingSet test = null!;
        private ConvVae trainerModel = null!;
        private ConvVae bareModel = null!;
        private VaeTrainer trainer = null!;
        private BareTrainingLoop bare = null!;

        /// <summary>Sprite preset.</summary>
        [ParamsSource(nameof(Presets))]
        public string Preset { get; set; } = "tiny";

        /// <summary>The sprite presets chosen on the command line.</summary>
        public static IEnumerable<string> Presets => BenchmarkSettings.SpritePresets;

        [GlobalSetup]
        public void Setup()
        {
            torch.set_num_threads(BenchmarkSettings.Threads);
            train = TrainingData.Train();
            test = TrainingData.OneItemTest();
            var architecture = new VaeArchitecture(new VaeShape(4, BenchmarkModels.SpriteSize, BenchmarkModels.SpriteSize), VaePreset.Parse(Preset), BenchmarkModels.LatentSize, 0, localLatentChannels: TrainingOptions.SpriteLocalLatentChannels, localLatentCell: TrainingOptions.SpriteLocalLatentCell);
            var options = new TrainingOptions { Epochs = 1, BatchSize = TrainingData.BatchSize, FlipAugment = false, Seed = 1 };
            torch.manual_seed(1);
            trainerModel = new ConvVae(architecture);
            torch.manual_seed(1);
            bareModel = new ConvVae(architecture);
            trainer = new VaeTrainer(trainerModel, options);
            bare = new BareTrainingLoop(bareModel, options.LearningRate);
            VaeTrainerEpoch();
            BareTorchSharpLoop();
        }

        [Benchmark(Baseline = true)]
        public void BareTorchSharpLoop() => bare.RunEpoch(train.Data, TrainingData.BatchSize);

        [Benchmark]
        public void VaeTrainerEpoch()
        {
            trainer.State = new TrainingProgressState();
            trainer.Run(train, test, SilentObserver.Instance, _ => { }, CancellationToken.None);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            trainer.Dispose();
            bare.Dispose();
            trainerModel.Dispose();
            bareModel.Dispose();
            train.Dispose();
            test.Dispose();
        }

        private sealed class SilentObserver : ITrainingObserver
        {
            public static readonly SilentObserver Instance = new SilentObserver();
            public void EpochStarted(int epoch, int totalEpochs, int batches, int firstBatch) { }
            public void BatchFinished(int epoch, int batch, double loss) { }
            public void EpochFinished(EpochMetrics metrics) { }
        }
    }
}
