using System;
using System.Globalization;

namespace VaeProcgen.Contract
{
    /// <summary>How contract values are spelled in metadata_props (shared by the exporter and the loader).</summary>
    internal static class ContractFormat
    {
        /// <summary>"sprite" or "tiles".</summary>
        public static string FormatKind(ModelKind kind) => kind == ModelKind.Tiles ? "tiles" : "sprite";

        /// <summary>"bernoulli", "gaussian" or "categorical".</summary>
        public static string FormatLikelihood(Likelihood likelihood) => likelihood switch
        {
            Likelihood.Gaussian => "gaussian",
            Likelihood.Categorical => "categorical",
            _ => "bernoulli",
        };

        /// <summary>
        /// The <see cref="ContractNames.KeyChannels"/> value a model of this kind and likelihood carries: tiles have tile
        /// probabilities; sprites are RGBA planes, except categorical sprites, whose channels are palette probabilities.
        /// </summary>
        public static string FormatChannels(ModelKind kind, Likelihood likelihood) =>
            kind == ModelKind.Tiles ? ContractNames.ChannelsTileProbabilities
            : likelihood == Likelihood.Categorical ? ContractNames.ChannelsPaletteProbabilities
            : ContractNames.ChannelsRgbaStraight;

        /// <summary>"C,H,W".</summary>
        public static string FormatShape(int channels, int height, int width) =>
            string.Format(CultureInfo.InvariantCulture, "{0},{1},{2}", channels, height, width);

        /// <summary>Parses a model kind; null when unknown.</summary>
        public static ModelKind? ParseKind(string text) => text switch
        {
            "sprite" => ModelKind.Sprite,
            "tiles" => ModelKind.Tiles,
            _ => (ModelKind?)null,
        };

        /// <summary>"horizontal", "vertical" or "room".</summary>
        public static string FormatLevelLayout(Generation.Tiles.LevelLayout layout) => layout switch
        {
            Generation.Tiles.LevelLayout.Vertical => "vertical",
            Generation.Tiles.LevelLayout.Room => "room",
            _ => "horizontal",
        };

        /// <summary>Parses a level layout; null when unknown.</summary>
        public static Generation.Tiles.LevelLayout? ParseLevelLayout(string text) => text switch
        {
            "horizontal" => Generation.Tiles.LevelLayout.Horizontal,
            "vertical" => Generation.Tiles.LevelLayout.Vertical,
            "room" => Generation.Tiles.LevelLayout.Room,
            _ => (Generation.Tiles.LevelLayout?)null,
        };

        /// <summary>Parses a likelihood; null when unknown.</summary>
        public static Likelihood? ParseLikelihood(string text) => text switch
        {
            "bernoulli" => Likelihood.Bernoulli,
            "gaussian" => Likelihood.Gaussian,
            "categorical" => Likelihood.Categorical,
            _ => (Likelihood?)null,
        };

        /// <summary>Parses "C,H,W" with every part in 1..4096; null when malformed.</summary>
        public static (int Channels, int Height, int Width)? ParseShape(string text)
        {
            string[] parts = text.Split(',');
            if (parts.Length != 3) return null;
            var values = new int[3];
            for (int i = 0; i < 3; i++)
            {
                if (!int.TryParse(parts[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out values[i]) || values[i] < 1 || values[i] > 4096)
                {
                    return null;
                }
            }
            return (values[0], values[1], values[2]);
        }
    }
}
