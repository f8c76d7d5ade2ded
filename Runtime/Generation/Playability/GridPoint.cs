using System;

namespace VaeProcgen.Generation.Playability
{
    /// <summary>A cell of a tile grid: row (0 = top) and column (0 = left).</summary>
    public readonly struct GridPoint : IEquatable<GridPoint>
    {
        /// <summary>Creates a point.</summary>
        public GridPoint(int row, int column)
        {
            Row = row;
            Column = column;
        }

        /// <summary>Row, 0 = top.</summary>
        public int Row { get; }

        /// <summary>Column, 0 = left.</summary>
        public int Column { get; }

        /// <inheritdoc />
        public bool Equals(GridPoint other) => Row == other.Row && Column == other.Column;

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is GridPoint other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => unchecked(Row * 65599 + Column);

        /// <inheritdoc />
        public override string ToString() => $"({Row}, {Column})";
    }
}
