namespace BnnCompiler.Isa;

/// <summary>
/// <c>read</c>: applies input bit plane <see cref="Plane"/> to the <see cref="Rows"/> weight rows of subarray
/// <see cref="SubarrayId"/> (tile, PE, subarray within the PE), which holds block (<see cref="RowBlock"/>,
/// <see cref="ColumnBlock"/>) of the layer with <see cref="Columns"/> weight columns: the read pulse that puts the
/// column currents on the bit lines.
/// </summary>
public sealed record ReadInstruction(
    int Tile,
    int Pe,
    int Subarray,
    int SubarrayId,
    int RowBlock,
    int ColumnBlock,
    int Plane,
    int Rows,
    int Columns,
    ValueList<int> After) : Instruction(After);
