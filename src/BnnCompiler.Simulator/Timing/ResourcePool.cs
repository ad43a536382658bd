namespace BnnCompiler.Simulator.Timing;

/// <summary>The resource instances met so far, by (class, id1, id2), with their timelines and busy cycles per component.</summary>
internal sealed class ResourcePool
{
    private readonly Dictionary<(ResourceClass, int, int), int> _index = [];

    public List<ResourceClass> Classes { get; } = [];

    /// <summary>(class, id1, id2) of every resource, by index.</summary>
    public List<(ResourceClass Class, int Id1, int Id2)> Keys { get; } = [];

    public List<ResourceTimeline> Timelines { get; } = [];

    /// <summary>Busy cycles per resource and <see cref="TimingComponent"/>.</summary>
    public List<long[]> Busy { get; } = [];

    public int Get(ResourceClass resource, int id1, int id2)
    {
        if (_index.TryGetValue((resource, id1, id2), out var i))
        {
            return i;
        }

        i = Classes.Count;
        _index[(resource, id1, id2)] = i;
        Classes.Add(resource);
        Keys.Add((resource, id1, id2));
        Timelines.Add(new ResourceTimeline());
        Busy.Add(new long[Enum.GetValues<TimingComponent>().Length]);
        return i;
    }
}
