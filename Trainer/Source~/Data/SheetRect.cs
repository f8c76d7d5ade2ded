namespace VaeProcgen.Trainer.Data
{
    /// <summary>A pixel rectangle on a sprite sheet (left/top inclusive, size in pixels).</summary>
    public readonly record struct SheetRect(int X, int Y, int Width, int Height)
    {
        /// <summary>One past the right-most column.</summary>
        public int Right => X + Width;
        /// <summary>One past the bottom row.</summary>
        public int Bottom => Y + Height;

        /// <summary>Whether the two rectangles share at least one pixel.</summary>
        public bool Overlaps(SheetRect other) => X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

        /// <summary>The smallest rectangle holding both.</summary>
        public SheetRect Union(SheetRect other)
        {
            int x = System.Math.Min(X, other.X), y = System.Math.Min(Y, other.Y);
            return new SheetRect(x, y, System.Math.Max(Right, other.Right) - x, System.Math.Max(Bottom, other.Bottom) - y);
        }
    }
}
