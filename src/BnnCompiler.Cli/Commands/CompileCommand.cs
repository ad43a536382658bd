using System.Globalization;
using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Output;
using BnnCompiler.Evaluation.Pipeline;
using BnnCompiler.Isa.Compilation;
using BnnCompiler.Isa.Text;
using BnnCompiler.Hardware;
using BnnCompiler.Isa;
using BnnCompiler.Isa.Repair;
using BnnCompiler.Mapping;
using BnnCompiler.Onnx;
using BnnCompiler.Simulator;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// <c>bnnc compile MODEL [--hw SPEC] [--set k=v ...] [--repair MODE [--defects FILE] [--calibration DATA] [--seed S]] -o FILE</c>:
/// maps the model onto the chip and saves the mapped program (<c>bnnc-program 2</c> text; <c>bnnc disasm FILE</c> prints
/// it back). With a repair mode the program carries the chip's repair plan (<c>bnnc-program 3</c>, docs/repair.md).
/// </summary>
public static class CompileCommand
{
    public static OptionSpec Output { get; } = new("output", "where to write the program (text, header 'bnnc-program 2')", Alias: "o") { ValueName = "FILE" };

    public static CliCommand Command { get; } = new(
        "compile",
        "map a model onto the chip and save the mapped program (instructions per tile and PE)",
        "bnnc compile MODEL [--hw SPEC] [--set key.path=value ...] [--adc-bits A] [--input-bits B] [--repair MODE [--defects FILE] [--calibration DATA] [--seed S]] -o FILE",
        [
            .. HardwareOptions.All,
            Output,
            .. RepairOptions.All,
            EvaluateCommand.Seed,
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
        var spec = EvaluateCommand.WithSeed(HardwareOptions.Load(args, "compile", RepairOptions.Overrides(args)), args, "compile");
        RepairOptions.CheckSpares(spec);
        if (spec.Repair.Calibrates && string.IsNullOrEmpty(args.Value(RepairOptions.Calibration.Name)))
        {
            throw ArgumentParser.Error("compile", "--repair map+spares+calibrate needs --calibration DATA: the images the column references are fitted on, held apart from any test set (e.g. fashion-mnist-train, mnist-train)");
        }

        var model = ModelOptions.Load(args, "compile");
        var mapping = CrossbarMapper.Map(model.Graph, spec);
        foreach (var warning in mapping.Warnings)
        {
            output.WriteLine(warning);
        }

        var program = ProgramCompiler.Compile(mapping);
        if (spec.Repair.Mode != RepairMode.None)
        {
            program = program.WithRepair(Plan(args, model, mapping, program));
        }

        AtomicFile.WriteAllText(path, ProgramWriter.Write(program));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {path}: {program.Stages.Count} stages, {program.Stages.Sum(s => s.Copies.Count)} copy blocks, {program.InstructionCount} instructions, clock {program.ClockPeriodNs:0.###} ns"));
        if (program.Repair is { } repair)
        {
            var chip = repair.Defects == ProgramRepair.Drawn ? $"drawn from seed {repair.Seed}, trial {repair.Trial}" : repair.Defects;
            var first = repair.FirstCopy.ToList();
            var trims = first.Sum(b => b.Trims.Count);
            var others = repair.Blocks.Where(b => b.Copy > 0).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"repair {RepairModes.Word(repair.Mode)} on the chip {chip}: {first.Count} blocks placed, weight errors {first.Sum(b => b.NaiveErrors):N0} naive, {repair.Errors:N0} left, {first.Count(b => b.MovedFrom is not null)} on spare subarrays{(trims > 0 ? $", {trims} row groups calibrated" : string.Empty)}"));
            if (others.Count > 0)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"       and {others.Count} blocks of the layers' other copies, weight errors {others.Sum(b => b.NaiveErrors):N0} naive, {others.Sum(b => b.Errors):N0} left (placed only: not simulated, not calibrated)"));
            }
        }

        return 0;
    }

    /// <summary>
    /// The repair plan of trial 0 of the spec's seed (the chip <c>bnnc evaluate</c> simulates first): the defect map's
    /// stuck cells or those drawn from the spec's rates, placed around and calibrated exactly as the simulator does.
    /// </summary>
    private static ProgramRepair Plan(ParsedArguments args, ImportedModel model, ChipMapping mapping, MappedProgram program)
    {
        var spec = mapping.Spec;
        var setup = RepairOptions.Setup(args, spec, model, () => mapping, string.Empty, "compile");
        var simulator = new EvaluationPipeline(model, null, setup: setup).Simulator(mapping, program);
        var defects = args.Value(RepairOptions.Defects.Name) is { } file ? Path.GetFileName(file) : ProgramRepair.Drawn;
        return RepairPlanExport.Export(simulator, mapping, setup, defects);
    }
}
