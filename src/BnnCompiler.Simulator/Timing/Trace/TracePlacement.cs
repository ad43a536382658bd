namespace BnnCompiler.Simulator.Timing.Trace;

/// <summary>
/// Puts every slice of a <see cref="TimingTrace"/>, repeated for each image of a run, on a track: a resource's busy
/// time on the resource's track, and the time its result still takes after the resource is free (flight over routers
/// or tree levels, adder-tree depth) on a "· latency" track beside it. Image i enters i intervals after image 0
/// (pipelined) or i latencies (layer by layer). A slice that overlaps the previous one on its track goes to the
/// track's next lane ("(overlap n)"): latency tails of back-to-back transfers do, and with several images the
/// chip-shared resources of different stages can, since the engine bounds the interval by their load per image
/// rather than arbitrating them between stages; a resource's own busy slices of one image never overlap.
/// </summary>
internal sealed class TracePlacement
{
    /// <summary>One slice of one image on its track: the busy part or the latency tail.</summary>
    public readonly record struct Item(int Slice, int Image, long StartCycle, long EndCycle, bool Tail, int Track);

    /// <summary>A track: its process, name (lane suffix included) and where it sorts among the process's tracks.</summary>
    public sealed record Track(int Process, string Name, (int Class, int Id1, int Id2, bool Tail, int Lane) Order);

    public List<Item> Items { get; } = [];

    /// <summary>Tracks by index (an <see cref="Item.Track"/>), sorted; the trace's thread id of track i is <see cref="FirstThread"/> + i.</summary>
    public List<Track> Tracks { get; } = [];

    public const int FirstThread = 10_000;

    /// <summary>The busy item's track per (image, slice), −1 for a slice without a resource.</summary>
    public int[][] BusyTrack { get; }

    public long[] ImageStartCycles { get; }

    public TracePlacement(TimingTrace trace, TimingResult timing, int images, TraceTrackNames names)
    {
        var period = timing.Mode == Hardware.PipelineMode.LayerPipelined ? timing.IntervalCycles : timing.LatencyCycles;
        ImageStartCycles = Enumerable.Range(0, images).Select(i => i * period).ToArray();
        var raw = new List<Item>();
        for (var image = 0; image < images; image++)
        {
            for (var i = 0; i < trace.Slices.Count; i++)
            {
                var s = trace.Slices[i];
                if (s.Resource is null)
                {
                    continue;
                }

                var start = ImageStartCycles[image] + s.StartCycle;
                if (s.OccupancyCycles > 0)
                {
                    raw.Add(new Item(i, image, start, start + s.OccupancyCycles, false, -1));
                }

                if (s.LatencyCycles > s.OccupancyCycles)
                {
                    raw.Add(new Item(i, image, start + s.OccupancyCycles, start + s.LatencyCycles, true, -1));
                }
            }
        }

        // Lanes in time order, then tracks numbered in their display order.
        raw.Sort((a, b) => a.StartCycle != b.StartCycle ? a.StartCycle.CompareTo(b.StartCycle) : a.Slice.CompareTo(b.Slice));
        var lanes = new Dictionary<(ResourceClass, int, int, bool), List<long>>();
        var keys = new List<(ResourceClass Class, int Id1, int Id2, bool Tail, int Lane)>(raw.Count);
        foreach (var item in raw)
        {
            var s = trace.Slices[item.Slice];
            var key = (s.Resource!.Value, s.Id1, s.Id2, item.Tail);
            if (!lanes.TryGetValue(key, out var ends))
            {
                lanes[key] = ends = [];
            }

            var lane = ends.FindIndex(end => end <= item.StartCycle);
            if (lane < 0)
            {
                lane = ends.Count;
                ends.Add(0);
            }

            ends[lane] = item.EndCycle;
            keys.Add((key.Item1, key.Item2, key.Item3, key.Item4, lane));
        }

        var order = keys.Distinct()
            .Select(k => (Key: k, Name: names.Of(k.Class, k.Id1, k.Id2)))
            .OrderBy(t => t.Name.Process).ThenBy(t => t.Key.Class).ThenBy(t => t.Key.Id1).ThenBy(t => t.Key.Id2)
            .ThenBy(t => t.Key.Tail).ThenBy(t => t.Key.Lane)
            .ToList();
        var index = new Dictionary<(ResourceClass, int, int, bool, int), int>();
        foreach (var (key, (process, name)) in order)
        {
            index[key] = Tracks.Count;
            var suffix = (key.Tail ? " · latency" : "") + (key.Lane > 0 ? $" (overlap {key.Lane})" : "");
            Tracks.Add(new Track(process, name + suffix, ((int)key.Class, key.Id1, key.Id2, key.Tail, key.Lane)));
        }

        BusyTrack = Enumerable.Range(0, images).Select(_ => Enumerable.Repeat(-1, trace.Slices.Count).ToArray()).ToArray();
        for (var i = 0; i < raw.Count; i++)
        {
            var item = raw[i] with { Track = index[keys[i]] };
            Items.Add(item);
            if (!item.Tail)
            {
                BusyTrack[item.Image][item.Slice] = item.Track;
            }
        }
    }

    /// <summary>Whether <paramref name="slice"/> moves data over the global interconnect (a transfer, or a store from a tile).</summary>
    public static bool IsTransfer(TraceSlice slice) => slice.Resource is ResourceClass.GlobalBus or ResourceClass.TileLink;
}
