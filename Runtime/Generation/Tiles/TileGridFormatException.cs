using System;

namespace VaeProcgen.Generation.Tiles
{
    /// <summary>VGLC level text could not be read as a tile grid; <see cref="Line"/> and <see cref="Column"/> are 1-based.</summary>
    public sealed class TileGridFormatException : FormatException
    {
        /// <summary>Creates the exception for a position in the text.</summary>
        public TileGridFormatException(string message, int line, int column) : base(message)
        {
            Line = line;
            Column = column;
        }

        /// <summary>1-based line of the problem.</summary>
        public int Line { get; }

        /// <summary>1-based column of the problem.</summary>
        public int Column { get; }
    }
}
