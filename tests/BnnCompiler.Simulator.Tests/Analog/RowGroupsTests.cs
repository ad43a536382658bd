using BnnCompiler.Simulator.Analog;

namespace BnnCompiler.Simulator.Tests.Analog;

/// <summary>
/// The four-row group tables of the analog counts, by hand: each entry is its pattern's rows summed from zero in
/// ascending row order, rows past the block count zero, and a plane's driven rows become one entry per non-zero group,
/// ascending.
/// </summary>
public sealed class RowGroupsTests
{
    [Fact]
    public void Should_Sum_Each_Pattern_From_Zero_In_Ascending_Row_Order()
    {
        // One column; rows 0..4 (5 rows: group 1 holds row 4 and three rows past the block).
        float[] rows = [1e8f, 1f, -1e8f, 8f, 16f];
        var table = RowGroups.Build(rows, 5, 1, 1);
        Assert.Equal(2 * 16, table.Length);
        Assert.Equal(0f, table[0]);
        Assert.Equal(1e8f, table[0b0001]);
        Assert.Equal(1f, table[0b0010]);
        // ((0 + 1e8) + 1) + −1e8: 1e8 + 1 rounds to 1e8 in single precision, so 0, not the 1 of another order.
        Assert.Equal(0f, table[0b0111]);
        Assert.Equal(9f, table[0b1010]);
        // ((0 + 1) + −1e8) + 8 = −1e8 + 8 = −99999992.
        Assert.Equal(-99999992f, table[0b1110]);
        Assert.Equal(16f, table[16 + 0b0001]);
        Assert.Equal(16f, table[16 + 0b1111]);   // rows 5..7 lie past the block: zero rows
    }

    [Fact]
    public void Should_Keep_Columns_Apart_And_Pad_The_Stride_With_Zeros()
    {
        // Two columns in a stride of 4: row r holds (r + 1, 10·(r + 1)).
        float[] rows = [1, 10, 0, 0, 2, 20, 0, 0, 3, 30, 0, 0, 4, 40, 0, 0];
        var table = RowGroups.Build(rows, 4, 2, 4);
        Assert.Equal([1 + 3, 10 + 30, 0, 0], table.AsSpan(0b0101 * 4, 4).ToArray());
        Assert.Equal([10, 100, 0, 0], table.AsSpan(0b1111 * 4, 4).ToArray());
    }

    [Fact]
    public void Should_List_One_Entry_Per_Non_Zero_Group_In_Ascending_Order()
    {
        ulong[] driven = [0b1011_0000_0000_0110UL | (1UL << 63), 0b1UL];
        var entries = new int[32];
        var count = RowGroups.Entries(driven, entries);
        // Word 0: group 0 pattern 0110, group 3 pattern 1011, group 15 pattern 1000; word 1: group 16 pattern 0001.
        Assert.Equal([6, (3 * 16) + 11, (15 * 16) + 8, (16 * 16) + 1], entries[..count]);
        Assert.Equal(0, RowGroups.Entries([0UL], entries));
        Assert.Throws<ArgumentException>(() => RowGroups.Entries(driven, new int[16]));
    }

    [Fact]
    public void Should_List_The_Set_Rows_In_Ascending_Order()
    {
        var entries = new int[128];
        var count = RowGroups.Rows([0b1001UL, 1UL << 5], entries);
        Assert.Equal([0, 3, 69], entries[..count]);
    }
}
