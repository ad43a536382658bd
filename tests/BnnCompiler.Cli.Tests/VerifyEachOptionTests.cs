using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// <c>--verify-each</c> and <c>--verify-outputs N</c> are accepted by every command that runs the passes and leave
/// their results unchanged on a clean model; an out-of-range N is a diagnostic.
/// </summary>
public sealed class VerifyEachOptionTests
{
    private static readonly string Model = RepoPaths.Require(RepoPaths.Repo("onnx-models/fmnist-mlp.onnx"));

    [Theory]
    [InlineData("inspect", "--json")]
    [InlineData("map", "--json")]
    [InlineData("cost", "--json")]
    [InlineData("reference", "--data", "fashion-mnist", "--limit", "20")]
    [InlineData("evaluate", "--data", "fashion-mnist", "--limit", "20")]
    public void Should_Give_The_Same_Result_With_The_Checks_After_Every_Pass(string command, params string[] rest)
    {
        var plain = CliRun.Of([command, Model, .. rest]);
        var verified = CliRun.Of([command, Model, .. rest, "--verify-each", "--verify-outputs", "2"]);

        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(0, verified.ExitCode);
        Assert.Equal(Stable(plain.Output), Stable(verified.Output));
    }

    [Fact]
    public void Should_Refuse_An_Out_Of_Range_Sample_Count()
    {
        CliRun.Of("map", Model, "--verify-outputs", "1001").ShouldFailWith("BNN1001", "--verify-outputs", "1000");
    }

    /// <summary>The output without lines that carry run times.</summary>
    private static string Stable(string output) =>
        string.Join('\n', output.Split('\n').Where(l => !l.Contains("elapsed", StringComparison.OrdinalIgnoreCase)
            && !l.Contains("images/s", StringComparison.OrdinalIgnoreCase) && !l.Contains("seconds", StringComparison.OrdinalIgnoreCase)));
}
