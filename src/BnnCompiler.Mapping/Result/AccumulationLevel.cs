namespace BnnCompiler.Mapping;

/// <summary>Where the partial sums of a layer's row blocks (splits of K) are added: nowhere, or by which adder tree.</summary>
public enum AccumulationLevel
{
    /// <summary>K fits one subarray: every output comes whole out of one column.</summary>
    None,

    /// <summary>All row blocks of an output sit in one PE: its adder tree adds them.</summary>
    Pe,

    /// <summary>Row blocks spread over PEs of one tile: PE adder trees, then the tile's adder tree.</summary>
    Tile,

    /// <summary>Row blocks spread over tiles: PE and tile adder trees, then the chip's global accumulation.</summary>
    Chip,
}
