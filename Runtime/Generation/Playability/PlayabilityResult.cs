using System.Collections.Generic;

namespace VaeProcgen.Generation.Playability
{
    /// <summary>Outcome of <see cref="PlayabilityChecker.Check(VaeProcgen.Generation.Tiles.TileGrid)"/>.</summary>
    public sealed class PlayabilityResult
    {
        internal PlayabilityResult(bool playable, GridPoint? start, IReadOnlyList<GridPoint> path, double progress, int pickupsReached, int pickupsTotal, string reason)
        {
            Playable = playable;
            Start = start;
            Path = path;
            Progress = progress;
            PickupsReached = pickupsReached;
            PickupsTotal = pickupsTotal;
            Reason = reason;
        }

        /// <summary>The same check marked as failed for another reason (for rules a generator adds on top of the checker).</summary>
        internal static PlayabilityResult Failed(PlayabilityResult result, string reason) =>
            new PlayabilityResult(false, result.Start, result.Path, result.Progress, result.PickupsReached, result.PickupsTotal, reason);

        /// <summary>True when the goal of the movement profile is reachable from the start.</summary>
        public bool Playable { get; }

        /// <summary>Where the player starts, or null when the level has no place to start.</summary>
        public GridPoint? Start { get; }

        /// <summary>
        /// The cells a player passes on a shortest route, start first: to the goal for platformers (to the furthest
        /// point reached when not playable); for ladder-and-rope rooms the routes to every reachable pickup, one after another.
        /// </summary>
        public IReadOnlyList<GridPoint> Path { get; }

        /// <summary>How far the player gets, 0..1: columns for side-scrolling, rows climbed for vertical, pickups reached for rooms.</summary>
        public double Progress { get; }

        /// <summary>Pickups (tiles tagged <c>pickupable</c>) reachable from the start (rooms only; 0 for platformers).</summary>
        public int PickupsReached { get; }

        /// <summary>Pickups in the level (rooms only; 0 for platformers).</summary>
        public int PickupsTotal { get; }

        /// <summary>One sentence: why the level is or is not playable.</summary>
        public string Reason { get; }

        /// <inheritdoc />
        public override string ToString() => Reason;
    }
}
