namespace BnnCompiler.Mapping.Cells;

/// <summary>The programmed state of one physical cell.</summary>
public enum CellState : byte
{
    /// <summary>Holds no weight (left in the high-resistance state; its row is never driven, its column never read for a weight).</summary>
    Empty,

    /// <summary>High-resistance state: conductance G_off (0 when the on/off ratio is taken as infinite).</summary>
    Off,

    /// <summary>Low-resistance state: conductance G_on.</summary>
    On,

    /// <summary>A reference cell at mid conductance (G_on + G_off) / 2, in the reference column of one_cell_reference.</summary>
    Reference,
}
