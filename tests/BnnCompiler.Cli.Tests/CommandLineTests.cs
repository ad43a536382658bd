using System.Reflection;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// The command-line conventions on real commands: switches given =false stay off, an option's value may look like
/// an option, --version, -- (everything after it is positional), response files, the [suggest] completion
/// directive and the completion scripts, and --adc-bits meaning the same as --set readout.adc_bits.
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private static readonly string Model = RepoPaths.Require(RepoPaths.Repo("onnx-models/fmnist-mlp.onnx"));
    private readonly string _dir = Directory.CreateTempSubdirectory("bnnc-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_Leave_A_Switch_Off_When_Given_False()
    {
        var off = CliRun.Of("inspect", Model, "--json=false");
        var on = CliRun.Of("inspect", Model, "--json=true");
        var plain = CliRun.Of("inspect", Model);
        var bare = CliRun.Of("inspect", Model, "--json");
        Assert.Equal(0, off.ExitCode);
        Assert.Equal(plain.Output, off.Output);
        Assert.StartsWith("model ", off.Output);
        Assert.StartsWith("{", on.Output);
        Assert.Equal(bare.Output, on.Output);
    }

    [Fact]
    public void Should_Take_Help_Given_As_A_Value_As_That_Value()
    {
        foreach (var args in new[] { new[] { "cost", Model, "--hw", "--help" }, ["cost", Model, "--hw=--help"] })
        {
            var run = CliRun.Of(args);
            run.ShouldFailWith("BNN2001", "--help", "not found");
            Assert.DoesNotContain("usage:", run.Output);
        }
    }

    [Fact]
    public void Should_Print_The_Version()
    {
        var run = CliRun.Of("--version");
        Assert.Equal(0, run.ExitCode);
        var expected = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(expected, run.Output.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Output);
    }

    [Fact]
    public void Should_Take_Arguments_After_Double_Dash_As_Positional()
    {
        CliRun.Of("cost", "--", "-model.onnx").ShouldFailWith("BNN3001", "-model.onnx", "not found");
        CliRun.Of("cost", "-model.onnx").ShouldFailWith("BNN1001", "unknown option '-model.onnx'");
        var run = CliRun.Of("inspect", "--json", "--", Model);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CliRun.Of("inspect", Model, "--json").Output, run.Output);
    }

    [Fact]
    public void Should_Read_Arguments_From_A_Response_File()
    {
        var file = Path.Combine(_dir, "args.rsp");
        File.WriteAllLines(file, ["# cost of the MLP, analytical timing", $"\"{Model}\"", "--latency analytical", "--adc-bits=3", "--json=false", ""]);
        var run = CliRun.Of("cost", "@" + file);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CliRun.Of("cost", Model, "--latency", "analytical", "--adc-bits", "3").Output, run.Output);
        Assert.Contains("ADC 3 bits", run.Output);

        File.WriteAllLines(file, ["--json=perhaps"]);
        CliRun.Of("cost", Model, "@" + file).ShouldFailWith("BNN1001", "response file", "--json is a switch");
        CliRun.Of("cost", "@" + Path.Combine(_dir, "missing.rsp")).ShouldFailWith("BNN1001", "missing.rsp", "cannot be read");
    }

    [Fact]
    public void Should_Mean_The_Same_By_Adc_Bits_As_By_The_Spec_Key()
    {
        var knob = CliRun.Of("cost", Model, "--adc-bits", "3", "--input-bits", "4", "--json");
        var key = CliRun.Of("cost", Model, "--set", "readout.adc_bits=3", "--set", "readout.input_bits=4", "--json");
        var defaults = CliRun.Of("cost", Model, "--json");
        Assert.Equal(0, knob.ExitCode);
        Assert.Equal(key.Output, knob.Output);
        Assert.NotEqual(defaults.Output, knob.Output);
        Assert.Contains("\"adc_bits\": 3", knob.Output);
    }

    [Fact]
    public void Should_Suggest_Commands_Options_And_Choices()
    {
        Assert.Equal(["compile", "completion", "cost"], Suggest("bnnc co").Order().ToList());
        Assert.Contains("--latency", Suggest("bnnc cost --l"));
        Assert.Equal(["analytical", "engine"], Suggest("bnnc cost --latency "));
        Assert.Contains("--adc-bits", Suggest("bnnc evaluate --a"));
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _bnnc_complete bnnc")]
    [InlineData("zsh", "compdef _bnnc_complete bnnc")]
    public void Should_Print_A_Completion_Script_That_Asks_Bnnc(string shell, string registration)
    {
        var run = CliRun.Of("completion", shell);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[suggest:", run.Output);
        Assert.Contains(registration, run.Output);
        CliRun.Of("completion", "fish").ShouldFailWith("BNN1001", "bash and zsh", "'fish'");
    }

    private static List<string> Suggest(string line)
    {
        var run = CliRun.Of($"[suggest:{line.Length}]", line);
        Assert.Equal(0, run.ExitCode);
        return [.. run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }
}
