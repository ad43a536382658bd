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
