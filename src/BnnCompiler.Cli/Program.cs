using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Commands;
using BnnCompiler.Core.Diagnostics;

namespace BnnCompiler.Cli;

/// <summary>Entry point of bnnc: parses the command line with System.CommandLine, dispatches to a subcommand and maps diagnostics to exit code 2.</summary>
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
        ExportCommand.Command,
        SweepCommand.Command,
        StudyCommand.Command,
        ZooCommand.Command,
        DefectsCommand.Command,
        CompletionCommand.Command,
        SchemaCommand.Command,
        ReportCommand.Command,
    ];

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs a command line; returns the exit code (0 ok, 1 usage shown, 2 diagnostics, 3 internal error).</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count == 0 || args[0] is "help")
        {
            var topic = args.Count > 1 ? Commands.FirstOrDefault(c => c.Name == args[1]) : null;
            if (topic is null)
            {
                HelpText.PrintRoot(Commands, output);
            }
            else
            {
                HelpText.PrintCommand(topic, output);
            }

            return args.Count == 0 ? 1 : 0;
        }

        var at = args.ToList().FindIndex(a => !a.StartsWith('['));
        var command = at < 0 ? null : Commands.FirstOrDefault(c => c.Name == args[at]);
        try
        {
            var tree = CommandTree.Build(Commands);
            var specs = command?.Options ?? [];
            IReadOnlyList<string> line = command is null ? args : [.. args.Take(at + 1), .. ArgumentParser.Rewrite(command.Name, args.Skip(at + 1), specs)];
            var result = tree.Root.Parse(line, ArgumentParser.Configuration(command?.Name ?? "bnnc", specs));
            if (result.Action is HelpAction && (command is null || result.Errors.Count == 0))
            {
                if (command is null)
                {
                    HelpText.PrintRoot(Commands, output);
                }
                else
                {
                    HelpText.PrintCommand(command, output);
                }

                return 0;
            }

            if (command is null && tree.AsksVersion(result))
            {
                output.WriteLine(CommandTree.Version);
                return 0;
            }

            if (command is null)
            {
                if (result.Errors.Count == 0 && result.Action is not null and not ParseErrorAction)
                {
                    // The [suggest] completion directive.
                    return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
                }

                error.WriteLine($"bnnc: error BNN1000: unknown command '{(at < 0 ? args[0] : args[at])}'; commands: {string.Join(", ", Commands.Select(c => c.Name))}");
                return 2;
            }

            var parsed = ArgumentParser.Read(result, tree.Commands[command.Name], command.MaxPositionals);
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
            error.WriteLine($"bnnc {command?.Name}: internal error: {e.GetType().Name}: {e.Message}");
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
}
