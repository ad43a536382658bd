namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// Every read of one analog layer's pixel: per row block whether all its rows are valid, its valid rows, each
/// column's −1 weights on them ([block · stride + column]), the driven rows of every input plane ([plane, block,
/// word]) and, when built beforehand, each block's base count and variance and the levels of a read that drives no row (<see cref="PixelClasses"/>);
/// <see cref="Block"/> gives one block's read.
/// </summary>
internal readonly ref struct AnalogPixelReads(AnalogPixelRows rows, int pixel, ReadOnlySpan<bool> full, ReadOnlySpan<int> negatives, ReadOnlySpan<ulong> driven, int planes, float[][]? starts = null, float[][]? squares = null, UndrivenRead[]? undriven = null)
{
    private readonly AnalogPixelRows _rows = rows;
    private readonly int _pixel = pixel;
    private readonly ReadOnlySpan<bool> _full = full;
    private readonly ReadOnlySpan<ulong> _driven = driven;
    private readonly float[][]? _starts = starts;
    private readonly float[][]? _squares = squares;
    private readonly UndrivenRead[]? _undriven = undriven;

    public int Blocks => _full.Length;

    public int Planes { get; } = planes;

    /// <summary>Each column's −1 weights on the valid rows of each block, [block · stride + column].</summary>
    public ReadOnlySpan<int> Negatives { get; } = negatives;

    /// <summary>The read of block b: its valid rows, negatives and the driven rows of each plane.</summary>
    public AnalogBlockRead Block(int b)
    {
        var stride = Negatives.Length / _full.Length;
        var wpb = _rows.WordsPerBlock;
        return new AnalogBlockRead(b, _full[b], _rows.Valid(_pixel, b), Negatives.Slice(b * stride, stride), _driven[(b * wpb)..], _full.Length * wpb, Planes, _starts?[b], _squares?[b], _undriven?[b]);
    }
}
