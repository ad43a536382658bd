using System.Globalization;
using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Output;
using BnnCompiler.Isa.Compilation;
using BnnCompiler.Isa.Text;
using BnnCompiler.Isa;
using BnnCompiler.Mapping;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// <c>bnnc compile MODEL [--hw SPEC] [--set k=v ...] -o FILE</c>: maps the model onto the chip and saves the mapped
/// program (<c>bnnc-program 2</c> text; <c>bnnc disasm FILE</c> prints it back).
/// </summary>
public static class CompileCommand
{
    public static OptionSpec Output { get; } = new("output", "where to write the program (text, header 'bnnc-program 2')", Alias: "o") { ValueName = "FILE" };

    public static CliCommand Command { get; } = new(
        "compile",
        "map a model onto the chip and save the mapped program (instructions per tile and PE)",
        "bnnc compile MODEL [--hw SPEC] [--set key.path=value ...] [--adc-bits A] [--input-bits B] -o FILE",
        [
            .. HardwareOptions.All,
            Output,
            .. ModelOptions.All,
        ],
        1,
        Run);

    private static int Run(ParsedArguments args, TextWriter output)
    {
        var path = args.Value(Output.Name);
        if (string.IsNullOrEmpty(path))
        {
            throw ArgumentParser.Error("compile", "-o FILE is required: where to write the program");
        }

        OutputPaths.CheckFile(path);
        var model = ModelOptions.Load(args, "compile");
        var spec = HardwareOptions.Load(args, "compile");
        var mapping = CrossbarMapper.Map(model.Graph, spec);
        foreach (var warning in mapping.Warnings)
        {
            output.WriteLine(warning);
        }

        var program = ProgramCompiler.Compile(mapping);
        AtomicFile.WriteAllText(path, ProgramWriter.Write(program));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {path}: {program.Stages.Count} stages, {program.Stages.Sum(s => s.Copies.Count)} copy blocks, {program.InstructionCount} instructions, clock {program.ClockPeriodNs:0.###} ns"));
        return 0;
    }
}
