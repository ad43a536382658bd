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
    private ulong[] _bitmaps = [];
    private ulong[] _slotBits = [];
    private float[] _results = [];
    private long[] _dots = [];

    public static CrossbarScratch ForThread() => _current ??= new CrossbarScratch();

    public int[] Codes(int length) => Grow(ref _codes, length);

    public ulong[] Bitmaps(int length) => Grow(ref _bitmaps, length);

    public ulong[] SlotBits(int length) => Grow(ref _slotBits, length);

    public float[] Results(int length) => Grow(ref _results, length);

    public long[] Dots(int length) => Grow(ref _dots, length);

    private static T[] Grow<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            array = new T[length];
        }

        return array;
    }
}
