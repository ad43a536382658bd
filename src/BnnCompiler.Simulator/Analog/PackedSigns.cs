using System.Numerics;
using BnnCompiler.Core.Ir.Nodes;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// A layer's ±1 weights packed per (column, row block) as in <see cref="Functional.CrossbarLayer"/>: bit = 1 for +1,
/// row r of block b at bit r % 64 of word r / 64. Gives the digital side's counts: the −1 weights on the valid rows,
/// and per row the +1 weights, from which the nominal match count (cells that conduct) of a read follows.
/// </summary>
public sealed class PackedSigns
{
    private readonly ulong[] _words;    // [N, blocks, wordsPerBlock]
    private readonly int[] _negatives;  // [blocks, N] over every row of the block

    public PackedSigns(BinaryLinearNode node, int rowsPerBlock)
    {
        ArgumentNullException.ThrowIfNull(node);
        var k = node.Layout.Rows;
        Columns = node.Layout.Columns;
        Blocks = (k + rowsPerBlock - 1) / rowsPerBlock;
        WordsPerBlock = (rowsPerBlock + 63) / 64;
        _words = new ulong[Columns * Blocks * WordsPerBlock];
        _negatives = new int[Columns * Blocks];
        PositivesPerRow = new int[k];
        for (var col = 0; col < Columns; col++)
        {
            for (var row = 0; row < k; row++)
            {
                var (block, offset) = Math.DivRem(row, rowsPerBlock);
                if (node.Signs[(col * k) + row] > 0)
                {
                    _words[(((col * Blocks) + block) * WordsPerBlock) + (offset >> 6)] |= 1UL << (offset & 63);
                    PositivesPerRow[row]++;
                }
                else
                {
                    _negatives[(block * Columns) + col]++;
                }
            }
        }
    }

    public int Columns { get; }

    public int Blocks { get; }

    public int WordsPerBlock { get; }

    /// <summary>Per weight row: the columns whose weight is +1 (a row with input bit b conducts in that many columns if b = 1, in the others if b = 0).</summary>
    public int[] PositivesPerRow { get; }

    /// <summary>−1 weights of every column of <paramref name="block"/> on its valid rows (<paramref name="valid"/>: the block's words).</summary>
    public void Negatives(int block, bool full, ReadOnlySpan<ulong> valid, Span<int> negatives)
    {
        if (full)
        {
            _negatives.AsSpan(block * Columns, Columns).CopyTo(negatives);
            return;
        }

        for (var col = 0; col < Columns; col++)
        {
            var w = _words.AsSpan(((col * Blocks) + block) * WordsPerBlock, WordsPerBlock);
            var count = 0;
            for (var i = 0; i < w.Length; i++)
            {
                count += BitOperations.PopCount(valid[i] & ~w[i]);
            }

            negatives[col] = count;
        }
    }
}
