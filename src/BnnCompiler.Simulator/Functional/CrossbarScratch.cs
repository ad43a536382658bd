namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// Per-thread working arrays of <see cref="CrossbarLayer.Execute"/>, grown to the largest layer a thread runs
/// and reused across layers and images (a thread runs one layer at a time).
/// </summary>
internal sealed class CrossbarScratch
{
    [ThreadStatic]
    private static CrossbarScratch? _current;

    private int[] _codes = [];
    private int[] _rowCodes = [];
    private ulong[] _bitmaps = [];
    private ulong[] _slotBits = [];
    private ulong[] _rows = [];
    private float[] _results = [];

    public static CrossbarScratch ForThread() => _current ??= new CrossbarScratch();

    public int[] Codes(int length) => Grow(ref _codes, length);

    /// <summary>The input's codes (<paramref name="input"/> true) or a second array of codes, e.g. gathered per row.</summary>
    public int[] Codes(bool input, int length) => input ? Grow(ref _codes, length) : Grow(ref _rowCodes, length);

    public ulong[] Bitmaps(int length) => Grow(ref _bitmaps, length);

    public ulong[] SlotBits(int length) => Grow(ref _slotBits, length);

    /// <summary>Bitmap words gathered per kernel offset and pixel (<see cref="BlockLaneKernel"/>).</summary>
    public ulong[] Rows(int length) => Grow(ref _rows, length);

    public float[] Results(int length) => Grow(ref _results, length);

    private static T[] Grow<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            array = new T[length];
        }

        return array;
    }
}
