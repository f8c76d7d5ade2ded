using System;
using System.Collections.Generic;
using VaeProcgen.Contract;

namespace VaeProcgen.Trainer.Training
{
    /// <summary>Train/held-out tensors plus what the contract needs to know about the data. Owns the tensors.</summary>
    public sealed class PreparedData : IDisposable
    {
        /// <summary>Creates prepared data.</summary>
        public PreparedData(ModelKind kind, int channels, int height, int width, TrainingSet train, TrainingSet test,
            IReadOnlyList<string> classLabels, string fingerprint, string? tileLegendJson = null, string? paletteJson = null, string? tilePatterns2x2 = null)
        {
            Kind = kind;
            Channels = channels;
            Height = height;
            Width = width;
            Train = train;
            Test = test;
            ClassLabels = classLabels;
            Fingerprint = fingerprint;
            TileLegendJson = tileLegendJson;
            PaletteJson = paletteJson;
            TilePatterns2x2 = tilePatterns2x2;
        }

        /// <summary>Sprite or tiles.</summary>
        public ModelKind Kind { get; }
        /// <summary>Channels per item.</summary>
        public int Channels { get; }
        /// <summary>Item height.</summary>
        public int Height { get; }
        /// <summary>Item width.</summary>
        public int Width { get; }
        /// <summary>Training items.</summary>
        public TrainingSet Train { get; }
        /// <summary>Held-out items.</summary>
        public TrainingSet Test { get; }
        /// <summary>Class labels in index order.</summary>
        public IReadOnlyList<string> ClassLabels { get; }
        /// <summary>Hex SHA-256 of the data.</summary>
        public string Fingerprint { get; }
        /// <summary>Tile legend JSON (tiles only).</summary>
        public string? TileLegendJson { get; }
        /// <summary>Source files skipped as unreadable or corrupt (only with --skip-bad-files), with the reason.</summary>
        public IReadOnlyList<(string File, string Reason)> SkippedFiles { get; init; } = Array.Empty<(string, string)>();
        /// <summary>Training palette JSON, if extracted.</summary>
        public string? PaletteJson { get; }
        /// <summary>2x2 tile patterns of the training levels in the contract's text form (tiles only).</summary>
        public string? TilePatterns2x2 { get; }

        /// <summary>Tiles only: tile counts of the training levels (<see cref="VaeProcgen.Generation.Tiles.TileCountTable"/> text form), or null.</summary>
        public string? TileCounts { get; init; }

        /// <summary>Tiles only: how the windows make a level.</summary>
        public VaeProcgen.Generation.Tiles.LevelLayout LevelLayout { get; init; }

        /// <inheritdoc />
        public void Dispose()
        {
            Train.Dispose();
            Test.Dispose();
        }
    }
}
