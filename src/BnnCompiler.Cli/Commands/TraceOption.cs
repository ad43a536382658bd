using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Output;
using BnnCompiler.Isa;
using BnnCompiler.Simulator.Timing;
using BnnCompiler.Simulator.Timing.Trace;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// <c>--trace FILE [--trace-images N]</c> of <c>bnnc evaluate</c> and <c>bnnc cost</c>: the timing engine's run of
/// one image (or N images through the pipeline) as a Chrome trace (Perfetto, chrome://tracing). The engine runs again
/// with a recorder only when the option is given, so a run without it costs nothing more.
/// </summary>
public static class TraceOption
{
    public const string Name = "trace";

    public const string ImagesName = "trace-images";

    /// <summary>The two options as the commands declare them.</summary>
    public static IReadOnlyList<OptionSpec> Specs { get; } =
    [
        new OptionSpec(Name, "write the timing engine's run as a Chrome trace event file (open it in ui.perfetto.dev)"),
        new OptionSpec(ImagesName, $"images in the trace, entering one pipeline interval apart, 1 to {ChromeTraceWriter.MaxImages} (default 1; needs --trace)"),
    ];

    /// <summary>The trace file and image count asked for (null without --trace); checks them before any work is done.</summary>
    public static (string Path, int Images)? Read(ParsedArguments args, string command)
    {
        var images = ArgumentParser.Int(args, ImagesName, 1, 1, ChromeTraceWriter.MaxImages, command);
        if (args.Value(Name) is not { } path)
        {
            return args.Value(ImagesName) is null ? null : throw ArgumentParser.Error(command, $"--{ImagesName} needs --{Name} FILE");
        }

        OutputPaths.CheckFile(path);
        return (path, images);
    }

    /// <summary>Runs the engine on <paramref name="program"/> with a recorder and writes the trace.</summary>
    public static void Write((string Path, int Images) request, MappedProgram program)
    {
        var trace = new TimingTrace();
        var timing = TimingEngine.Run(program, trace);
        AtomicFile.Write(request.Path, temp =>
        {
            using var file = File.Create(temp);
            ChromeTraceWriter.Write(file, program, timing, trace, request.Images);
        });
        Console.Error.WriteLine($"trace: {request.Path} ({trace.Slices.Count:N0} instructions an image, {request.Images} image(s)); open it in ui.perfetto.dev");
    }
}
