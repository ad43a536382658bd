namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// What the functional model takes from the compiled program and the programmed cells for one crossbar layer:
/// the weight rows of each row block (in row order, from the program's <c>read</c> instructions), the input bit
/// planes applied per pixel (the stage's <c>input_bits</c>) and the ±1 weights [N, K] read back from the cell
/// states of the first copy's subarrays.
/// </summary>
public sealed record ProgrammedLayer(string Layer, IReadOnlyList<int> BlockRows, int Planes, sbyte[] Signs)
{
    /// <summary>The mapper's row blocks (one subarray's rows each), read in the row groups of <see cref="BlockRows"/>;
    /// 0 when every entry of <see cref="BlockRows"/> is a row block of its own.</summary>
    public int RowBlocks { get; init; }
}
