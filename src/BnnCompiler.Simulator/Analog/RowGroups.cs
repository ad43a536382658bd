using System.Numerics;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// The driven rows of a read block summed four at a time: per group of four consecutive rows (rows 4g..4g + 3 of the
/// block) a table of the sixteen partial sums of every pattern of their bits, each summed from zero in ascending row
/// order, so that a plane's count is its base plus one entry per group whose pattern is not zero, the groups taken in
/// ascending order:
/// <code>
///   driven rows 0, 2, 3 | 5 | —  | 13, 14 …   →   count = base + T₀[1101b] + T₁[0010b] + T₃[0110b] + …
///   T_g[p] = (((0 + row(4g + first bit of p)) + row(next bit)) + …)
/// </code>
/// Every kernel adds the same entries in the same order, so the counts stay bit-identical across kernels; a block
/// of 64 rows with half its rows driven takes about 15 additions instead of 32.
/// </summary>
internal static class RowGroups
{
    /// <summary>Rows per group.</summary>
    public const int Size = 4;

    /// <summary>Entries per group: one per pattern of its rows' bits.</summary>
    public const int Patterns = 1 << Size;

    /// <summary>
    /// The group tables of a [rows, stride] row-major table (its first <paramref name="columns"/> columns; the rest
    /// stay 0): [group · 16 + pattern, stride], rows beyond the table counted as zero rows.
    /// </summary>
    public static float[] Build(float[] rows, int rowCount, int columns, int stride)
    {
        var groups = (rowCount + Size - 1) / Size;
        var table = new float[Math.Max(1, groups * Patterns * stride)];
        for (var g = 0; g < groups; g++)
        {
            for (var pattern = 1; pattern < Patterns; pattern++)
            {
                // The pattern's last row is added after the sum of its other rows: ascending row order.
                var high = 31 - BitOperations.LeadingZeroCount((uint)pattern);
                var row = (g * Size) + high;
                var target = table.AsSpan((((g * Patterns) + pattern) * stride), columns);
                table.AsSpan(((g * Patterns) + (pattern & ~(1 << high))) * stride, columns).CopyTo(target);
                if (row < rowCount)
                {
                    var source = rows.AsSpan(row * stride, columns);
                    for (var c = 0; c < columns; c++)
                    {
                        target[c] += source[c];
                    }
                }
            }
        }

        return table;
    }

    /// <summary>The group tables of every block's [rows, stride] table (rows padded to <paramref name="stride"/>).</summary>
    public static float[][] Build(float[][] blocks, int columns, int stride) =>
        [.. blocks.Select(rows => Build(rows, rows.Length / Math.Max(1, stride), columns, stride))];

    /// <summary>
    /// The entries (group · 16 + pattern) of the driven rows' non-zero groups, ascending, into <paramref name="entries"/>
    /// (at least 16 per word); returns how many.
    /// </summary>
    public static int Entries(ReadOnlySpan<ulong> rows, Span<int> entries)
    {
        if (entries.Length < rows.Length * (64 / Size))
        {
            throw new ArgumentException("one entry per group of every word", nameof(entries));
        }

        var count = 0;
        for (var w = 0; w < rows.Length; w++)
        {
            for (var bits = rows[w]; bits != 0;)
            {
                var shift = BitOperations.TrailingZeroCount(bits) & ~(Size - 1);
                entries[count++] = ((((w * 64) + shift) / Size) * Patterns) + (int)((bits >> shift) & (Patterns - 1));
                bits &= ~((ulong)(Patterns - 1) << shift);
            }
        }

        return count;
    }

    /// <summary>The rows set in <paramref name="rows"/>, ascending, into <paramref name="entries"/> (64 per word); returns how many.</summary>
    public static int Rows(ReadOnlySpan<ulong> rows, Span<int> entries)
    {
        if (entries.Length < rows.Length * 64)
        {
            throw new ArgumentException("one entry per row of every word", nameof(entries));
        }

        var count = 0;
        for (var w = 0; w < rows.Length; w++)
        {
            for (var bits = rows[w]; bits != 0; bits &= bits - 1)
            {
                entries[count++] = (w * 64) + BitOperations.TrailingZeroCount(bits);
            }
        }

        return count;
    }
}
