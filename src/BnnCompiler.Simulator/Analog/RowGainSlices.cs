using System.Numerics;
using System.Runtime.CompilerServices;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// The matches a 64-row word of driven rows brings, Σ over its set rows of 2·positives − N, from a few popcounts:
/// the rows' positives counts stored in bit slices (slice k of a word: its rows whose count has bit k set), so
/// Σ positives = Σ_k 2^k·popcount(word &amp; slice_k), and the sum is 2·that − N·popcount(word &amp; rows of the block).
/// <code>
///   positives of rows 0..2 = 3, 1, 2 (N = 4); word 0b101 → slices 0b011, 0b101 → 1·1 + 2·2 = 5 → 2·5 − 4·2 = 2
/// </code>
/// </summary>
internal sealed class RowGainSlices
{
    private readonly ulong[] _slices;   // [block word, k]
    private readonly ulong[] _rows;     // [block word]: the rows inside the block
    private readonly int _depth;
    private readonly int _columns;

    /// <param name="positivesPerRow">Per row of the layer: its +1 weights (0..columns).</param>
    /// <param name="columns">N, the layer's columns.</param>
    /// <param name="rowsPerBlock">Rows of a block; row r of block b is bit r % 64 of word r / 64 of the block.</param>
    public RowGainSlices(int[] positivesPerRow, int columns, int rowsPerBlock)
    {
        ArgumentNullException.ThrowIfNull(positivesPerRow);
        var k = positivesPerRow.Length;
        var blocks = (k + rowsPerBlock - 1) / rowsPerBlock;
        var wordsPerBlock = (rowsPerBlock + 63) / 64;
        _columns = columns;
        _depth = Math.Max(1, 32 - BitOperations.LeadingZeroCount((uint)Math.Max(1, positivesPerRow.DefaultIfEmpty(0).Max())));
        _slices = new ulong[blocks * wordsPerBlock * _depth];
        _rows = new ulong[blocks * wordsPerBlock];
        for (var r = 0; r < k; r++)
        {
            var (b, offset) = Math.DivRem(r, rowsPerBlock);
            var word = (b * wordsPerBlock) + (offset >> 6);
            var bit = 1UL << (offset & 63);
            _rows[word] |= bit;
            for (var s = 0; s < _depth; s++)
            {
                if (((positivesPerRow[r] >> s) & 1) != 0)
                {
                    _slices[(word * _depth) + s] |= bit;
                }
            }
        }
    }

    /// <summary>Σ over the rows set in <paramref name="word"/> (word <paramref name="blockWord"/> of [block, word]) of 2·positives − N.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Gain(int blockWord, ulong word)
    {
        word &= _rows[blockWord];
        var slices = _slices.AsSpan(blockWord * _depth, _depth);
        long positives = 0;
        for (var s = 0; s < slices.Length; s++)
        {
            positives += (long)BitOperations.PopCount(word & slices[s]) << s;
        }

        return (2 * positives) - ((long)_columns * BitOperations.PopCount(word));
    }
}
