using System.Collections.Generic;

namespace VaeProcgen.Trainer.Data
{
    /// <summary>
    /// 8-connected components of pixel sets on one image (pixels are indices y * width + x), with a reusable marker
    /// array so splitting a set again costs only its own size. Not thread-safe.
    /// </summary>
    internal sealed class PixelRegions
    {
        private readonly int width;
        private readonly int height;
        private readonly int[] marks;
        private int stamp;

        public PixelRegions(int width, int height)
        {
            this.width = width;
            this.height = height;
            marks = new int[width * height];
        }

        /// <summary>Row (<paramref name="row"/> true) or column of pixel <paramref name="pixel"/>.</summary>
        public int Coordinate(int pixel, bool row) => row ? pixel / width : pixel % width;

        /// <summary>The bounding box of a non-empty pixel set.</summary>
        public SheetRect Box(List<int> pixels)
        {
            int minX = width, minY = height, maxX = -1, maxY = -1;
            foreach (int p in pixels)
            {
                int x = p % width, y = p / width;
                if (x < minX) minX = x;
                if (x > maxX) maxX = x;
                if (y < minY) minY = y;
                if (y > maxY) maxY = y;
            }
            return new SheetRect(minX, minY, maxX - minX + 1, maxY - minY + 1);
        }

        /// <summary>The 8-connected components of <paramref name="pixels"/> (connections through pixels outside the set do not count).</summary>
        public List<List<int>> Components(List<int> pixels)
        {
            int member = ++stamp;
            foreach (int p in pixels) marks[p] = member;
            int visited = ++stamp;
            var components = new List<List<int>>();
            var stack = new Stack<int>();
            foreach (int start in pixels)
            {
                if (marks[start] != member) continue;
                marks[start] = visited;
                stack.Push(start);
                var component = new List<int>();
                while (stack.Count > 0)
                {
                    int p = stack.Pop();
                    component.Add(p);
                    int px = p % width, py = p / width;
                    for (int ny = py - 1; ny <= py + 1; ny++)
                    {
                        if (ny < 0 || ny >= height) continue;
                        for (int nx = px - 1; nx <= px + 1; nx++)
                        {
                            if (nx < 0 || nx >= width) continue;
                            int q = ny * width + nx;
                            if (marks[q] != member) continue;
                            marks[q] = visited;
                            stack.Push(q);
                        }
                    }
                }
                components.Add(component);
            }
            return components;
        }
    }
}
