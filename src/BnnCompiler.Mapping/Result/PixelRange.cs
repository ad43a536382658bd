namespace BnnCompiler.Mapping;

/// <summary>A contiguous run of output pixels (row-major over the output map): those one copy of a layer computes.</summary>
public readonly record struct PixelRange(int Start, int Count)
{
    public int End => Start + Count;
}
