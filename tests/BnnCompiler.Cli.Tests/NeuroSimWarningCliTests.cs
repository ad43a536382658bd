using BnnCompiler.Zoo;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// BNN8005 (the NeuroSim-compatible accounting on a spec its circuit figures were not evaluated at) reaches the user from
/// every command that prices with that accounting: <c>bnnc sweep</c> without data and <c>bnnc study</c>'s hardware grids,
/// as from <c>bnnc cost</c>; once per distinct departure, and never under the physical accounting.
/// </summary>
[Collection(ConsoleErrorCollection.Name)]
public sealed class NeuroSimWarningCliTests(GeneratedNetworkFolder networks) : IClassFixture<GeneratedNetworkFolder>
{
    [Fact]
    public void Should_Warn_Once_From_A_Sweep_Priced_With_The_Compatible_Accounting()
    {
        var (run, error) = SweepWithoutData("sweep-compatible", "--adc-bits", "3,5", "--set", "cost.accounting=neurosim_v1_3", "--set", "cell.r_on_ohm=20000");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning BNN8005", error);
        Assert.Contains("cell.r_on_ohm 20000 (figures at 6000)", error);
        Assert.Single(error.Split('\n'), line => line.Contains("BNN8005", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Name_Each_Departure_Of_A_Sweep_Axis_And_Stay_Silent_Under_The_Physical_Accounting()
    {
        var (both, error) = SweepWithoutData("sweep-axis", "--adc-bits", "3", "--set", "cost.accounting=neurosim_v1_3", "--set", "cell.r_on_ohm=6000,20000");
        Assert.Equal(0, both.ExitCode);
        Assert.Single(error.Split('\n'), line => line.Contains("BNN8005", StringComparison.Ordinal));
        Assert.Contains("cell.r_on_ohm 20000", error);

        var (physical, quiet) = SweepWithoutData("sweep-physical", "--adc-bits", "3", "--set", "cost.accounting=physical", "--set", "cell.r_on_ohm=20000");
        Assert.Equal(0, physical.ExitCode);
        Assert.DoesNotContain("BNN8005", quiet);
    }

    [Fact]
    public void Should_Warn_From_A_Study_Before_Anything_Runs()
    {
        // The study checks its output folder after reading the spec: the warning comes, then the unwritable folder stops it.
        var (run, error) = Capture("study", "--set", "cost.accounting=neurosim_v1_3", "--set", "subarray.parallel_rows=16", "-o", "/proc/bnnc-study");
        run.ShouldFailWith("BNN1010");
        Assert.Contains("warning BNN8005", error);
        Assert.Contains("subarray.parallel_rows 16 (figures at all)", error);

        var (plain, quiet) = Capture("study", "--set", "subarray.parallel_rows=16", "-o", "/proc/bnnc-study");
        plain.ShouldFailWith("BNN1010");
        Assert.DoesNotContain("BNN8005", quiet);
    }

    /// <summary>A hardware-only sweep of ns-mlp1 at 1-bit inputs into a folder of the fixture.</summary>
    private (CliRun Run, string Error) SweepWithoutData(string folder, params string[] axes) =>
        Capture(["sweep", Network("ns-mlp1"), "--input-bits", "1", .. axes, "-o", Path.Combine(networks.Path, folder)]);

    private static (CliRun Run, string Error) Capture(params string[] args)
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            return (CliRun.Of(args), error.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }

    private string Network(string name)
    {
        var path = Path.Combine(networks.Path, name + ".onnx");
        if (!File.Exists(path))
        {
            ComparisonZoo.Generate(name, 7, path);
        }

        return path;
    }
}
