namespace BnnCompiler.Hardware;

public enum PairLayout
{
    /// <summary>The two cells sit in two rows of one column, driven by the input and its complement.</summary>
    Rows,

    /// <summary>The two cells sit in two columns of one row, whose outputs are subtracted.</summary>
    Columns,
}
