using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Isa.Text;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// <c>bnnc disasm FILE</c>: reads a mapped program (checking every line) and prints it in canonical form, one
/// instruction a line; a program saved by <c>bnnc compile</c> prints back exactly as saved.
/// </summary>
public static class DisasmCommand
{
    public static CliCommand Command { get; } = new(
        "disasm",
        "read a mapped program file and print it readably (one instruction a line)",
        "bnnc disasm FILE",
        [],
        1,
        Run);

    private static int Run(ParsedArguments args, TextWriter output)
    {
        if (args.Positionals.Count == 0)
        {
            throw new DiagnosticException(Diagnostic.Error("BNN1002", "disasm needs the program FILE written by bnnc compile", new SourceLocation("bnnc disasm")));
        }

        output.Write(ProgramWriter.Write(ProgramReader.Load(args.Positionals[0])));
        return 0;
    }
}
