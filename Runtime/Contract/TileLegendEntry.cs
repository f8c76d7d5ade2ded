using System.Collections.Generic;

namespace VaeProcgen.Contract
{
    /// <summary>One tile type of a level model: its character in VGLC text, its channel index and its tags.</summary>
    public sealed class TileLegendEntry
    {
        /// <summary>Creates an entry.</summary>
        public TileLegendEntry(char character, int index, IReadOnlyList<string> tags)
        {
            Character = character;
            Index = index;
            Tags = tags;
        }

        /// <summary>Character in the level text.</summary>
        public char Character { get; }
        /// <summary>Channel index in the decoder output.</summary>
        public int Index { get; }
        /// <summary>Legend tags, e.g. "solid", "enemy".</summary>
        public IReadOnlyList<string> Tags { get; }
    }
}
