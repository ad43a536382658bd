using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Commands;
using BnnCompiler.Core.Diagnostics;

namespace BnnCompiler.Cli;

/// <summary>Entry point of bnnc: dispatches to a subcommand and maps diagnostics to exit code 2.</summary>
public static class Program
{
    public static IReadOnlyList<CliCommand> Commands { get; } =
    [
        InspectCommand.Command,
        ReferenceCommand.Command,
        MapCommand.Command,
        CompileCommand.Command,
        DisasmCommand.Command,
        EvaluateCommand.Command,
        CostCommand.Command,
        SweepCommand.Command,
        StudyCommand.Command,
        ZooCommand.Command,
    ];

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs a command line; returns the exit code (0 ok, 1 usage shown, 2 diagnostics, 3 internal error).</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            PrintHelp(output);
            return args.Count == 0 ? 1 : 0;
        }

        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            error.WriteLine($"bnnc: error BNN1000: unknown command '{args[0]}'; commands: {string.Join(", ", Commands.Select(c => c.Name))}");
            return 2;
        }

        var rest = args.Skip(1).ToList();
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            PrintCommandHelp(command, output);
            return 0;
        }

        try
        {
            var parsed = ArgumentParser.Parse(command.Name, rest, command.Options, command.MaxPositionals);
            return command.Run(parsed, output);
        }
        catch (Exception e) when (Diagnostics(e) is { } diagnostics)
        {
            foreach (var d in diagnostics)
            {
                error.WriteLine(d);
            }

            return 2;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error.WriteLine($"bnnc {command.Name}: internal error: {e.GetType().Name}: {e.Message}");
            error.WriteLine("This is a bug in bnnc, not in your input; please report it with the command line.");
            return 3;
        }
    }

    /// <summary>The diagnostics an exception carries, also from inside parallel loops; null for any other exception.</summary>
    private static IReadOnlyList<Diagnostic>? Diagnostics(Exception e) => e switch
    {
        DiagnosticException d => d.Diagnostics,
        AggregateException a when a.Flatten().InnerExceptions.All(i => i is DiagnosticException) =>
            a.Flatten().InnerExceptions.Cast<DiagnosticException>().SelectMany(d => d.Diagnostics).Distinct().ToList(),
        _ => null,
    };

    private static void PrintHelp(TextWriter output)
    {
        output.WriteLine("bnnc: compile binarized neural networks to PIM crossbars, simulate them and price them");
        output.WriteLine();
        output.WriteLine("commands:");
        foreach (var c in Commands)
        {
            output.WriteLine($"  {c.Name,-10} {c.Summary}");
        }

        output.WriteLine();
        output.WriteLine("bnnc COMMAND --help shows a command's options.");
    }

    private static void PrintCommandHelp(CliCommand command, TextWriter output)
    {
        output.WriteLine($"usage: {command.Usage}");
        output.WriteLine(command.Summary);
        output.WriteLine();
        foreach (var o in command.Options)
        {
            var name = "--" + o.Name + (o.Alias is null ? string.Empty : $", -{o.Alias}") + (o.TakesValue ? " VALUE" : string.Empty);
            output.WriteLine($"  {name,-24} {o.Help}");
        }
    }
}
