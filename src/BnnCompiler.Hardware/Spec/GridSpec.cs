namespace BnnCompiler.Hardware;

/// <summary>A rows × columns arrangement of identical units.</summary>
public sealed record GridSpec(int Rows, int Columns)
{
    public int Count => Rows * Columns;
}
