namespace BnnCompiler.Mapping.Defects;

/// <summary>
/// A defect map read from a file, resolved through the chip's mapping: a layer's block sits in the subarray the
/// mapper placed it in (<see cref="SubarrayBlock.Address"/>), whose stuck cells the map lists. The simulator runs
/// every copy of a duplicated layer on the first copy's cells, so the first copy's subarrays are the ones read.
/// </summary>
public sealed class MappedDefectSource : IDefectSource
{
    private readonly DefectMap _map;
    private readonly ChipMapping _mapping;

    public MappedDefectSource(DefectMap map, ChipMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(mapping);
        _map = map;
        _mapping = mapping;
    }

    public SubarrayDefects? For(string layer, int rowBlock, int columnBlock) => ForCopy(layer, 0, rowBlock, columnBlock);

    public SubarrayDefects? ForCopy(string layer, int copy, int rowBlock, int columnBlock)
    {
        var block = _mapping.Layer(layer).Block(copy, rowBlock, columnBlock);
        var sub = _mapping.Spec.Subarray;
        return _map.For(block.Address, sub.PhysicalRows, sub.PhysicalColumns);
    }

    /// <summary>A spare subarray's cells: the map lists it after the PE's subarrays (index subarrays per PE + spare).</summary>
    public SubarrayDefects? Spare(int tile, int pe, int spare)
    {
        var sub = _mapping.Spec.Subarray;
        return _map.For(tile, pe, _mapping.Floorplan.SubarraysPerPe.Count + spare, sub.PhysicalRows, sub.PhysicalColumns);
    }
}
