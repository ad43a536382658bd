namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// Actions one binary layer performed, summed over every image simulated (thread-safe). Each counter is
/// one event of the named kind; <see cref="MatchedCells"/> counts cells that conducted (the read activity).
/// </summary>
public sealed class LayerCounters(string layer)
{
    private long _images;
    private long _subarrayReads;
    private long _conversions;
    private long _rowsDriven;
    private long _matchedCells;
    private long _shiftAdds;
    private long _partialSumAdds;
    private long _outputs;

    public string Layer { get; } = layer;

    public long Images => Interlocked.Read(ref _images);

    /// <summary>Reads of one subarray block with one input bit-plane on its rows.</summary>
    public long SubarrayReads => Interlocked.Read(ref _subarrayReads);

    /// <summary>ADC conversions (one per column per read).</summary>
    public long Conversions => Interlocked.Read(ref _conversions);

    /// <summary>Weight rows driven (input present, not padding), per read.</summary>
    public long RowsDriven => Interlocked.Read(ref _rowsDriven);

    /// <summary>Cells that conducted (input bit matched the weight) over all conversions.</summary>
    public long MatchedCells => Interlocked.Read(ref _matchedCells);

    /// <summary>
    /// Additions inside a row block's accumulator: a row block read in g row groups with b bit planes gives g·b
    /// conversions a column, added by g·b − 1 shift-adds (zero for one-bit inputs read in one group).
    /// </summary>
    public long ShiftAdds => Interlocked.Read(ref _shiftAdds);

    /// <summary>Additions of partial sums across row blocks (the adder trees').</summary>
    public long PartialSumAdds => Interlocked.Read(ref _partialSumAdds);

    /// <summary>Output values produced.</summary>
    public long Outputs => Interlocked.Read(ref _outputs);

    /// <summary>Sets every counter back to zero (the chip's activity starts after its calibration).</summary>
    internal void Reset()
    {
        Interlocked.Exchange(ref _images, 0);
        Interlocked.Exchange(ref _subarrayReads, 0);
        Interlocked.Exchange(ref _conversions, 0);
        Interlocked.Exchange(ref _rowsDriven, 0);
        Interlocked.Exchange(ref _matchedCells, 0);
        Interlocked.Exchange(ref _shiftAdds, 0);
        Interlocked.Exchange(ref _partialSumAdds, 0);
        Interlocked.Exchange(ref _outputs, 0);
    }

    /// <summary>Every counter in declaration order (images, reads, conversions, rows, matched, shift-adds, partial adds, outputs).</summary>
    internal long[] Snapshot() =>
        [Images, SubarrayReads, Conversions, RowsDriven, MatchedCells, ShiftAdds, PartialSumAdds, Outputs];

    /// <summary>Adds what another layer counted between two of its <see cref="Snapshot"/>s (a layer run on this one's behalf).</summary>
    internal void AddDifference(IReadOnlyList<long> now, IReadOnlyList<long> before)
    {
        Interlocked.Add(ref _images, now[0] - before[0]);
        Interlocked.Add(ref _subarrayReads, now[1] - before[1]);
        Interlocked.Add(ref _conversions, now[2] - before[2]);
        Interlocked.Add(ref _rowsDriven, now[3] - before[3]);
        Interlocked.Add(ref _matchedCells, now[4] - before[4]);
        Interlocked.Add(ref _shiftAdds, now[5] - before[5]);
        Interlocked.Add(ref _partialSumAdds, now[6] - before[6]);
        Interlocked.Add(ref _outputs, now[7] - before[7]);
    }

    /// <summary>
    /// Counts one image of <paramref name="pixels"/> output pixels of <paramref name="columns"/> columns, read in
    /// <paramref name="readBlocks"/> row groups over <paramref name="rowBlocks"/> row blocks with <paramref name="planes"/>
    /// bit planes: a conversion per column per group and plane, the row block's own additions as shift-adds, the row
    /// blocks' partial sums as partial-sum additions.
    /// </summary>
    internal void AddImage(long pixels, int columns, int readBlocks, int rowBlocks, int planes, long reads, long rows, long matched)
    {
        var outputs = pixels * columns;
        Add(reads, outputs * readBlocks * planes, rows, matched, outputs * ((readBlocks * planes) - rowBlocks), outputs * (rowBlocks - 1), outputs);
    }

    internal void Add(long reads, long conversions, long rows, long matched, long shiftAdds, long partialAdds, long outputs)
    {
        Interlocked.Increment(ref _images);
        Interlocked.Add(ref _subarrayReads, reads);
        Interlocked.Add(ref _conversions, conversions);
        Interlocked.Add(ref _rowsDriven, rows);
        Interlocked.Add(ref _matchedCells, matched);
        Interlocked.Add(ref _shiftAdds, shiftAdds);
        Interlocked.Add(ref _partialSumAdds, partialAdds);
        Interlocked.Add(ref _outputs, outputs);
    }
}
