using System;
using System.Collections.Generic;

namespace VaeProcgen.Generation.Tiles
{
    /// <summary>
    /// The 2x2 patterns of a <see cref="TilePatternSet"/> as dense look-up tables over its tile alphabet (at most
    /// <see cref="MaxAlphabet"/> tiles): which 2x2 windows are seen, and which vertical pairs start one. Built once per
    /// pattern set; read-only afterwards, so it may be shared between threads.
    /// </summary>
    internal sealed class PatternTable
    {
        /// <summary>Largest tile alphabet supported (indices fit a byte and the 2x2 table stays small).</summary>
        public const int MaxAlphabet = 64;

        private readonly int[] positionOfTile;
        private readonly bool[] allowed;
        private readonly bool[] leftPairAllowed;
        private readonly int[] topRightStart, topRights, topStart, tops;

        public PatternTable(TilePatternSet patterns)
        {
            Alphabet = new List<int>(patterns.Tiles).ToArray();
            Size = Alphabet.Length;
            if (Size > MaxAlphabet) throw new ArgumentException($"Repair supports at most {MaxAlphabet} distinct tiles.", nameof(patterns));
            int maxTile = Size == 0 ? -1 : Alphabet[Size - 1];
            positionOfTile = new int[maxTile + 1];
            for (int i = 0; i < positionOfTile.Length; i++) positionOfTile[i] = -1;
            for (int i = 0; i < Size; i++) positionOfTile[Alphabet[i]] = i;
            allowed = new bool[Size * Size * Size * Size];
            leftPairAllowed = new bool[Size * Size];
            foreach (string key in patterns.PatternKeys)
            {
                int topLeft = positionOfTile[key[0]], topRight = positionOfTile[key[1]], bottomLeft = positionOfTile[key[2]], bottomRight = positionOfTile[key[3]];
                allowed[Index(topLeft, topRight, bottomLeft, bottomRight)] = true;
                leftPairAllowed[topLeft * Size + bottomLeft] = true;
            }
            topRightStart = new int[Size * Size * Size + 1];
            topRights = new int[patterns.Count];
            int n = 0;
            for (int topLeft = 0; topLeft < Size; topLeft++)
                for (int bottomLeft = 0; bottomLeft < Size; bottomLeft++)
                    for (int bottomRight = 0; bottomRight < Size; bottomRight++)
                    {
                        topRightStart[(topLeft * Size + bottomLeft) * Size + bottomRight] = n;
                        for (int topRight = 0; topRight < Size; topRight++)
                            if (Allowed(topLeft, topRight, bottomLeft, bottomRight)) topRights[n++] = topRight;
                    }
            topRightStart[Size * Size * Size] = n;
            topStart = new int[Size + 1];
            tops = new int[Size * Size];
            n = 0;
            for (int bottom = 0; bottom < Size; bottom++)
            {
                topStart[bottom] = n;
                for (int top = 0; top < Size; top++)
                    if (LeftPairAllowed(top, bottom)) tops[n++] = top;
            }
            topStart[Size] = n;
        }

        /// <summary>
        /// The top-right tiles (ascending alphabet indices) that complete a seen window with a given top-left,
        /// bottom-left and bottom-right tile, as lists: those of key (topLeft * Size + bottomLeft) * Size + bottomRight are
        /// <see cref="TopRights"/>[TopRightStart[key] .. TopRightStart[key + 1]). They are the only transitions the
        /// repair's dynamic programme needs to look at.
        /// </summary>
        public int[] TopRightStart => topRightStart;

        /// <summary>The lists indexed by <see cref="TopRightStart"/>.</summary>
        public int[] TopRights => topRights;

        /// <summary>
        /// The top tiles (ascending alphabet indices) that stand on a bottom tile in the left column of some seen window:
        /// <see cref="Tops"/>[TopStart[bottom] .. TopStart[bottom + 1]).
        /// </summary>
        public int[] TopStart => topStart;

        /// <summary>The lists indexed by <see cref="TopStart"/>.</summary>
        public int[] Tops => tops;

        /// <summary>The distinct tiles of the pattern set, ascending; a position in this array is an alphabet index.</summary>
        public int[] Alphabet { get; }

        /// <summary>Number of tiles in the alphabet.</summary>
        public int Size { get; }

        /// <summary>The alphabet index of a tile, or -1 when the tile never occurs in the pattern set.</summary>
        public int PositionOf(int tile) => (uint)tile < (uint)positionOfTile.Length ? positionOfTile[tile] : -1;

        /// <summary>True when the 2x2 window of alphabet indices (top-left, top-right, bottom-left, bottom-right) was seen.</summary>
        public bool Allowed(int topLeft, int topRight, int bottomLeft, int bottomRight) => allowed[Index(topLeft, topRight, bottomLeft, bottomRight)];

        /// <summary>True when the vertical pair (top, bottom) of alphabet indices is the left column of some seen window.</summary>
        public bool LeftPairAllowed(int top, int bottom) => leftPairAllowed[top * Size + bottom];

        /// <summary>Number of 2x2 windows of <paramref name="grid"/> that were not seen (a tile outside the alphabet makes its windows unseen).</summary>
        public int CountUnseen(TileGrid grid)
        {
            ReadOnlySpan<int> cells = grid.Cells;
            int width = grid.Width, unseen = 0;
            for (int row = 0; row + 1 < grid.Height; row++)
            {
                int top = row * width, bottom = top + width;
                int topLeft = PositionOf(cells[top]), bottomLeft = PositionOf(cells[bottom]);
                for (int column = 1; column < width; column++)
                {
                    int topRight = PositionOf(cells[top + column]), bottomRight = PositionOf(cells[bottom + column]);
                    if (topLeft < 0 || topRight < 0 || bottomLeft < 0 || bottomRight < 0 || !Allowed(topLeft, topRight, bottomLeft, bottomRight)) unseen++;
                    topLeft = topRight;
                    bottomLeft = bottomRight;
                }
            }
            return unseen;
        }

        /// <summary>Sets <paramref name="unseen"/>[c] when some 2x2 window whose left column is c was not seen (c in 0..width-2).</summary>
        public void MarkUnseenColumns(TileGrid grid, bool[] unseen)
        {
            ReadOnlySpan<int> cells = grid.Cells;
            int width = grid.Width;
            for (int row = 0; row + 1 < grid.Height; row++)
            {
                int top = row * width, bottom = top + width;
                for (int column = 0; column + 1 < width; column++)
                {
                    int tl = PositionOf(cells[top + column]), tr = PositionOf(cells[top + column + 1]);
                    int bl = PositionOf(cells[bottom + column]), br = PositionOf(cells[bottom + column + 1]);
                    if (tl < 0 || tr < 0 || bl < 0 || br < 0 || !Allowed(tl, tr, bl, br)) unseen[column] = true;
                }
            }
        }

        private int Index(int topLeft, int topRight, int bottomLeft, int bottomRight) => ((topLeft * Size + topRight) * Size + bottomLeft) * Size + bottomRight;
    }
}
