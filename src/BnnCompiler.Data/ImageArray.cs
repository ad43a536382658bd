namespace BnnCompiler.Data;

/// <summary>
/// An images file as read, before its axes are interpreted: the full shape (N first) and the elements in file
/// order, bytes or floats (exactly one is set).
/// </summary>
internal sealed record ImageArray(string File, string Format, IReadOnlyList<int> Shape, byte[]? UInt8, float[]? Float32)
{
    public string ShapeText => NpyArray.FormatShape(Shape);

    public string DTypeText => UInt8 is not null ? "uint8" : "float32";
}
