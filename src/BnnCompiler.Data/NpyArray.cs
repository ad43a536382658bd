namespace BnnCompiler.Data;

/// <summary>A NumPy array read from a .npy file, C order; exactly one of the three element arrays is set.</summary>
public sealed class NpyArray
{
    internal NpyArray(NpyDType dtype, int[] shape, float[]? float32, byte[]? uint8, long[]? int64)
    {
        DType = dtype;
        Shape = shape;
        Float32 = float32;
        UInt8 = uint8;
        Int64 = int64;
    }

    public NpyDType DType { get; }

    public IReadOnlyList<int> Shape { get; }

    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);

    public float[]? Float32 { get; }

    public byte[]? UInt8 { get; }

    public long[]? Int64 { get; }

    /// <summary>The shape as NumPy prints it, e.g. <c>(4, 1, 28, 28)</c> or <c>(4,)</c>.</summary>
    public string ShapeText => FormatShape(Shape);

    internal static string FormatShape(IReadOnlyList<int> shape) =>
        shape.Count == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
}
