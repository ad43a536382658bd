using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Commands;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// For every bnnc command: --help lists each option with what it accepts, and a bad value of each option kind
/// (integer out of range, unknown choice, bad range, missing value, a switch given a value, an unknown option) is
/// one diagnostic naming the option and what it accepts, exit code 2, before any work is done.
/// </summary>
public sealed class CommandHelpAndBadValueTests
{
    public static TheoryData<string> CommandNames() => [.. Program.Commands.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Should_List_Every_Option_With_What_It_Accepts_In_Help(string name)
    {
        var command = Program.Commands.Single(c => c.Name == name);
        var run = CliRun.Of(name, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"usage: bnnc {name}", run.Output);
        foreach (var o in command.Options)
        {
            Assert.Contains("--" + o.Name, run.Output);
            if (o.Kind is OptionKind.Integer or OptionKind.Choice or OptionKind.IntegerRange)
            {
                Assert.Contains(OptionRules.Allowed(o), run.Output);
            }

            if (o.Default is { } d)
            {
                Assert.Contains("default: " + d, run.Output);
            }
        }
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Should_Refuse_A_Bad_Value_Of_Each_Option_Kind_Naming_The_Option(string name)
    {
        var command = Program.Commands.Single(c => c.Name == name);
        foreach (var o in command.Options)
        {
            var bad = o.Kind switch
            {
                OptionKind.Integer when o.Max < long.MaxValue => (o.Max + 1)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                OptionKind.Integer => "twelve",
                OptionKind.Choice => "no-such-choice",
                OptionKind.IntegerRange => $"{o.Min}..{o.Max + 1}",
                _ => null,
            };
            if (bad is not null)
            {
                CliRun.Of(name, "--" + o.Name, bad).ShouldFailWith("BNN1001", $"--{o.Name} must be {OptionRules.Allowed(o)}; got '{bad}'");
                CliRun.Of(name, $"--{o.Name}={bad}").ShouldFailWith("BNN1001", $"--{o.Name} must be");
            }

            if (o.TakesValue)
            {
                CliRun.Of(name, "--" + o.Name).ShouldFailWith("BNN1001", $"option --{o.Name} needs a value: {OptionRules.Allowed(o)}");
            }
            else
            {
                CliRun.Of(name, $"--{o.Name}=maybe").ShouldFailWith("BNN1001", $"--{o.Name} is a switch", "=true / =false", "'maybe'");
            }
        }

        CliRun.Of(name, "--no-such-option").ShouldFailWith("BNN1001", "unknown option '--no-such-option'", $"{name} accepts");
    }

    [Fact]
    public void Should_Offer_The_Same_Spec_Knobs_On_Every_Command_That_Reads_A_Spec()
    {
        foreach (var name in new[] { "cost", "map", "compile", "evaluate", "sweep", "study", "export" })
        {
            var options = Program.Commands.Single(c => c.Name == name).Options;
            foreach (var knob in HardwareOptions.All)
            {
                var o = options.SingleOrDefault(s => s.Name == knob.Name);
                Assert.True(o is not null, $"{name} lacks --{knob.Name}");
                Assert.Equal(knob.Min, o.Min);
                Assert.Equal(knob.Max, o.Max);
            }
        }
    }
}
