using BnnCompiler.Core.Randomness;
using BnnCompiler.Simulator.Analog;
using Xunit.Abstractions;

namespace BnnCompiler.Simulator.Tests.Analog;

/// <summary>
/// The fast IR-drop approximation (<see cref="IrDropModel"/>) against the exact nodal solution
/// (<see cref="IrDropNodalSolver"/>) on 16×16, 64×64 and 128×128 arrays of random On/Off cells (R_on 6 kΩ, on/off
/// ratio 150), for several input patterns. Error bound (docs/non-idealities.md): the largest column error is at
/// most f/4 of the largest exact IR-drop loss L of the array, where f is the largest loss as a fraction of the
/// ideal column current (the error is of second order in the drop).
/// </summary>
public sealed class IrDropTests(ITestOutputHelper output)
{
    private const double ROnOhm = 6000;

    [Theory]
    [InlineData(16, 1.0)]
    [InlineData(16, 5.0)]
    [InlineData(64, 0.1)]
    [InlineData(64, 2.0)]
    [InlineData(128, 0.1)]
    [InlineData(128, 2.0)]
    public void Should_Stay_Within_The_Stated_Error_Of_The_Exact_Nodal_Solution(int n, double wireOhm)
    {
        var random = new SplitMix64((ulong)(n * 1000) + (ulong)(wireOhm * 10));
        var g = new double[n * n];
        for (var i = 0; i < g.Length; i++)
        {
            g[i] = random.NextDouble() < 0.5 ? 1.0 : 1.0 / 150;
        }

        var gamma = ROnOhm / wireOhm;
        var effective = IrDropModel.Effective(g, n, n, gamma);
        foreach (var (name, drive) in Patterns(n, random))
        {
            var exact = IrDropNodalSolver.ColumnCurrents(g, n, n, gamma, drive);
            double error = 0, loss = 0, lossFraction = 0;
            for (var j = 0; j < n; j++)
            {
                double approximate = 0, ideal = 0;
                for (var i = 0; i < n; i++)
                {
                    approximate += drive[i] * effective[(i * n) + j];
                    ideal += drive[i] * g[(i * n) + j];
                }

                error = Math.Max(error, Math.Abs(approximate - exact[j]));
                loss = Math.Max(loss, ideal - exact[j]);
                lossFraction = Math.Max(lossFraction, (ideal - exact[j]) / ideal);
            }

            output.WriteLine($"{n}×{n}, r = {wireOhm} Ω, {name}: largest loss {loss:F4} counts ({lossFraction:P1}), largest error {error:F5} counts ({error / loss:P2} of the loss)");
            Assert.True(loss > 0, "the wires must cost current");
            Assert.True(error <= lossFraction / 4 * loss, $"{name}: error {error} counts, loss {loss} counts ({lossFraction:P1})");
        }
    }

    [Fact]
    public void Should_Keep_The_Row_Lines_Short_When_The_Far_Columns_Are_Left_Off()
    {
        // repair.max_columns: a block of 64 columns on the first 64 columns of a 128-column array, the other 64 columns
        // Off (1/150 of G_on). Beyond the block a row line carries only the Off cells' current, so the block's columns see
        // the drop of a 64-column array, not of a 128-column one: the rows' spread of E/G in a column (what one calibrated
        // line per column cannot absorb) follows the 64-column array's and stays well below the full array's. 16 rows, so
        // that the spread is the row lines' (each row's own On cells set its decay), not the column's.
        const int rows = 16;
        var random = new SplitMix64(5);
        var block = new bool[rows * 128];
        for (var i = 0; i < block.Length; i++)
        {
            block[i] = random.NextDouble() < 0.5;
        }

        double Spread(int columns, int used)
        {
            var g = new double[rows * columns];
            for (var i = 0; i < rows; i++)
            {
                for (var j = 0; j < columns; j++)
                {
                    g[(i * columns) + j] = j < used && block[(i * 128) + j] ? 1.0 : 1.0 / 150;
                }
            }

            var e = IrDropModel.Effective(g, rows, columns, ROnOhm / 6);
            var worst = 0.0;
            for (var j = 0; j < used; j++)
            {
                var ratios = Enumerable.Range(0, rows).Where(i => g[(i * columns) + j] == 1.0).Select(i => e[(i * columns) + j]).ToArray();
                worst = Math.Max(worst, (ratios.Max() - ratios.Min()) / ratios.Average());
            }

            return worst;
        }

        var full = Spread(128, 128);
        var capped = Spread(128, 64);
        var shortRows = Spread(64, 64);
        output.WriteLine($"6 Ω, 16 rows: spread of E/G along a column, 128 columns used {full:P1}, 64 of 128 used {capped:P1}, 64-column array {shortRows:P1}");
        Assert.True(capped < 0.7 * full, $"capped {capped:P1}, full {full:P1}");
        Assert.Equal(shortRows, capped, 0.1 * shortRows);
    }

    [Fact]
    public void Should_Narrow_The_Rows_Spread_Along_A_Column_In_Groups_Of_Half_A_Decay_Length()
    {
        // IrDropReadPlan's row groups: 6 Ω (λ = √(6 kΩ / 6 Ω) ≈ 32 cells), a 128-row block on 64 of 128 columns (the plan's
        // column cap), half the cells On. A column's share of a row's current falls about as e^(−k/λ) with the row's distance
        // k from the sense amplifier, so the E/G of a group's On cells spread less the shorter the group (what the group's
        // one calibrated line cannot absorb; the row lines' own spread comes on top): worst over the columns and groups
        // 318 % read all at once, 88 % in groups of λ = 32 rows, 59 % in groups of λ/2 = 16.
        const int rows = 128, columns = 128, used = 64;
        var random = new SplitMix64(7);
        var g = new double[rows * columns];
        for (var i = 0; i < g.Length; i++)
        {
            g[i] = (i % columns) < used && random.NextDouble() < 0.5 ? 1.0 : 1.0 / 150;
        }

        var e = IrDropModel.Effective(g, rows, columns, ROnOhm / 6);
        double Spread(int groupRows)
        {
            var worst = 0.0;
            for (var j = 0; j < used; j++)
            {
                for (var first = 0; first < rows; first += groupRows)
                {
                    var ratios = Enumerable.Range(first, groupRows).Where(i => g[(i * columns) + j] == 1.0).Select(i => e[(i * columns) + j]).ToArray();
                    worst = Math.Max(worst, (ratios.Max() - ratios.Min()) / ratios.Average());
                }
            }

            return worst;
        }

        var (all, decay, half) = (Spread(128), Spread(32), Spread(16));
        output.WriteLine($"6 Ω, 128 rows on 64 of 128 columns: worst spread of E/G within a row group, all rows {all:P1}, groups of 32 {decay:P1}, groups of 16 {half:P1}");
        Assert.True(decay < 0.8 * all, $"groups of 32 {decay:P1}, all rows {all:P1}");
        Assert.True(half < 0.75 * decay, $"groups of 16 {half:P1}, groups of 32 {decay:P1}");
    }

    [Fact]
    public void Should_Match_A_Hand_Solved_One_By_One_Array()
    {
        // One cell G between two segments r: current = V / (r + 1/G + r). In G_on units with γ = 1/r: G/(1 + 2G/γ).
        var effective = IrDropModel.Effective([1.0], 1, 1, gamma: 100);
        Assert.Equal(1.0 / 1.02, effective[0], 12);
        Assert.Equal(1.0 / 1.02, IrDropNodalSolver.ColumnCurrents([1.0], 1, 1, 100, [1.0])[0], 9);
    }

    [Fact]
    public void Should_Leave_Conductances_Unchanged_Without_Wire_Resistance()
    {
        double[] g = [1.0, 0.0, 0.5, 1.0];
        Assert.Equal(g, IrDropModel.Effective(g, 2, 2, double.PositiveInfinity));
    }

    private static IEnumerable<(string, double[])> Patterns(int n, SplitMix64 random)
    {
        yield return ("every row", Enumerable.Repeat(1.0, n).ToArray());
        yield return ("alternate rows", Enumerable.Range(0, n).Select(i => (double)(i % 2)).ToArray());
        yield return ("random rows", Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.5 ? 1.0 : 0.0).ToArray());
        yield return ("top half", Enumerable.Range(0, n).Select(i => i < n / 2 ? 1.0 : 0.0).ToArray());
        yield return ("one row", Enumerable.Range(0, n).Select(i => i == n / 3 ? 1.0 : 0.0).ToArray());
    }
}
