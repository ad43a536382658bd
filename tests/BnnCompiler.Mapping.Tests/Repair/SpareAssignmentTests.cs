using BnnCompiler.Mapping.Repair;

namespace BnnCompiler.Mapping.Tests.Repair;

/// <summary>A PE's spare subarrays go to its blocks by the assignment that leaves the fewest weight errors in all.</summary>
public class SpareAssignmentTests
{
    [Fact]
    public void Should_Move_The_Block_That_Gains_Most_Where_Worst_First_Does_Not()
    {
        // Block 0 keeps 100 errors at home and 90 on the spare, block 1 50 and 0. Worst first moves block 0: 90 + 50 =
        // 140 left; the assignment moves block 1: 100 + 0 = 100.
        var moves = SpareAssignment.Solve([100, 50], [[90], [0]]);

        Assert.Equal(new int?[] { null, 0 }, moves);
        Assert.Equal(100, Left([100, 50], [[90], [0]], moves));
    }

    [Fact]
    public void Should_Give_Two_Spares_As_No_Worst_First_Order_Does()
    {
        // Homes 10, 8, 7; spares (9, 9), (0, 8), (0, 7). Worst first: block 0 takes spare 0 (9), block 1 finds spare 1
        // no better (8), block 2 neither: 9 + 8 + 7 = 24. Best: block 1 on spare 0, block 0 on spare 1: 9 + 0 + 7 = 16.
        long[] home = [10, 8, 7];
        long[][] onSpare = [[9, 9], [0, 8], [0, 7]];

        var moves = SpareAssignment.Solve(home, onSpare);

        Assert.Equal(new int?[] { 1, 0, null }, moves);
        Assert.Equal(16, Left(home, onSpare, moves));
    }

    [Fact]
    public void Should_Agree_With_Worst_First_Where_That_Is_Best()
    {
        // One spare that the worst block gains most from (a ruined subarray): it moves, as worst first moves it.
        Assert.Equal(new int?[] { 0, null, null }, SpareAssignment.Solve([2048, 3, 1], [[0], [0], [0]]));
        Assert.Equal(new int?[] { 0, null }, SpareAssignment.Solve([100, 50], [[0], [10]]));
    }

    [Fact]
    public void Should_Never_Take_A_Spare_No_Better_Than_Home()
    {
        Assert.Equal(new int?[] { null }, SpareAssignment.Solve([5], [[5]]));
        Assert.Equal(new int?[] { null, null }, SpareAssignment.Solve([5, 0], [[7, 5], [0, 0]]));
        Assert.Empty(SpareAssignment.Solve([], []));
    }

    [Fact]
    public void Should_Leave_As_Few_Errors_As_Every_Way_Of_Handing_Out_The_Spares()
    {
        var random = new Random(19);
        for (var trial = 0; trial < 300; trial++)
        {
            var (n, s) = (random.Next(1, 6), random.Next(1, 4));
            var home = Enumerable.Range(0, n).Select(_ => (long)random.Next(0, 40)).ToArray();
            var onSpare = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, s).Select(_ => (long)random.Next(0, 40)).ToArray()).ToArray();

            var moves = SpareAssignment.Solve(home, onSpare);

            Assert.Equal(BestByEnumeration(home, onSpare, 0, new bool[s]), Left(home, onSpare, moves));
            var used = moves.OfType<int>().ToList();
            Assert.Equal(used.Count, used.Distinct().Count());
            Assert.All(Enumerable.Range(0, n).Where(i => moves[i] is not null), i => Assert.True(onSpare[i][moves[i]!.Value] < home[i]));
        }
    }

    private static long Left(long[] home, long[][] onSpare, int?[] moves) =>
        Enumerable.Range(0, home.Length).Sum(i => moves[i] is { } j ? onSpare[i][j] : home[i]);

    /// <summary>The fewest errors over every way of giving blocks i.. a free spare or none.</summary>
    private static long BestByEnumeration(long[] home, long[][] onSpare, int i, bool[] taken)
    {
        if (i == home.Length)
        {
            return 0;
        }

        var best = home[i] + BestByEnumeration(home, onSpare, i + 1, taken);
        for (var j = 0; j < taken.Length; j++)
        {
            if (!taken[j])
            {
                taken[j] = true;
                best = Math.Min(best, onSpare[i][j] + BestByEnumeration(home, onSpare, i + 1, taken));
                taken[j] = false;
            }
        }

        return best;
    }
}
