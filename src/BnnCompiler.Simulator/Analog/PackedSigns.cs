using System.Numerics;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// A layer's ±1 weights packed per (column, row block) as in <see cref="Functional.CrossbarLayer"/>: bit = 1 for +1,
/// row r of block b at bit r % 64 of word r / 64. Gives the digital side's counts: the −1 weights on the valid rows
/// and the nominal match count m (cells that conduct) of a read.
/// </summary>
public sealed class PackedSigns
{
    private readonly ulong[] _words;    // [N, blocks, wordsPerBlock]
    private readonly int[] _negatives;  // [N, blocks] over every row of the block

    public PackedSigns(BinaryLinearNode node, int rowsPerBlock)
    {
        ArgumentNullException.ThrowIfNull(node);
        var k = node.Layout.Rows;
        Columns = node.Layout.Columns;
        Blocks = (k + rowsPerBlock - 1) / rowsPerBlock;
        WordsPerBlock = (rowsPerBlock + 63) / 64;
        _words = new ulong[Columns * Blocks * WordsPerBlock];
        _negatives = new int[Columns * Blocks];
        for (var col = 0; col < Columns; col++)
        {
            for (var row = 0; row < k; row++)
            {
                var (block, offset) = Math.DivRem(row, rowsPerBlock);
                if (node.Signs[(col * k) + row] > 0)
                {
                    _words[(((col * Blocks) + block) * WordsPerBlock) + (offset >> 6)] |= 1UL << (offset & 63);
                }
                else
                {
                    _negatives[(col * Blocks) + block]++;
                }
            }
        }
    }

    public int Columns { get; }

    public int Blocks { get; }

    public int WordsPerBlock { get; }

    /// <summary>−1 weights of (column, block) on the valid rows (<paramref name="valid"/>: the block's words).</summary>
    public int Negatives(int column, int block, bool full, ReadOnlySpan<ulong> valid)
    {
        if (full)
        {
            return _negatives[(column * Blocks) + block];
        }

        var w = _words.AsSpan(((column * Blocks) + block) * WordsPerBlock, WordsPerBlock);
        var count = 0;
        for (var i = 0; i < w.Length; i++)
        {
            count += BitOperations.PopCount(valid[i] & ~w[i]);
        }

        return count;
    }

    /// <summary>Valid rows of (column, block) whose input bit equals the weight (the conducting cells).</summary>
    public int Matches(int column, int block, ReadOnlySpan<ulong> valid, ReadOnlySpan<ulong> bits)
    {
        var w = _words.AsSpan(((column * Blocks) + block) * WordsPerBlock, WordsPerBlock);
        var m = 0;
        for (var i = 0; i < w.Length; i++)
        {
            m += BitOperations.PopCount(valid[i] & ~(bits[i] ^ w[i]));
        }

        return m;
    }
}
