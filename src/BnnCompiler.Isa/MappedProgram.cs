using BnnCompiler.Hardware;

namespace BnnCompiler.Isa;

/// <summary>
/// A model mapped onto a chip as instructions: the one contract between the compiler and the simulator. The
/// <see cref="Prologue"/> runs once per image at chip level (operations on the graph input); then every stage
/// (one mapped layer, in pipeline order) runs its copies in parallel, each copy executing its body once per output
/// pixel it owns. Saved and read as text by <see cref="Text.ProgramWriter"/> and <see cref="Text.ProgramReader"/>
/// (header <c>bnnc-program 2</c>, or <c>bnnc-program 3</c> when it carries a repair plan). Compared by value: a program
/// read back equals the one written.
/// </summary>
public sealed record MappedProgram
{
    /// <summary>The text format version this program was written in (see <see cref="CurrentFormatVersion"/>).</summary>
    public required int FormatVersion { get; init; }

    /// <summary>The IR graph's name.</summary>
    public required string Model { get; init; }

    /// <summary>The hardware spec's name (or its file when it has none).</summary>
    public required string Spec { get; init; }

    /// <summary>Clock period in ns (the cost model's sensing-path clock, or the spec's fixed period).</summary>
    public required double ClockPeriodNs { get; init; }

    public required PipelineMode Pipeline { get; init; }

    public required MachineParameters Machine { get; init; }

    /// <summary>Chip-level instructions run once per image before stage 0 (e.g. the input binarizer).</summary>
    public required ValueList<Instruction> Prologue { get; init; }

    public required ValueList<StageProgram> Stages { get; init; }

    /// <summary>The repair plan of the chip the program is loaded into (<see cref="RepairFormatVersion"/>), or null for the
    /// naive mapping (every weight on its nominal cells).</summary>
    public Repair.ProgramRepair? Repair { get; init; }

    /// <summary>2: tile buffer writes and reads (<c>write_buffer</c>, <c>read_buffer</c>) replace <c>load</c>, a
    /// transfer names one tile, the machine line gives the tile buffers' two ports.</summary>
    public const int CurrentFormatVersion = 2;

    /// <summary>3: version 2 followed by a repair plan (<c>repair</c> line, <c>placement</c> blocks of <c>cells</c> and
    /// <c>trim</c> lines). A program without repair is written in version 2, byte for byte as before.</summary>
    public const int RepairFormatVersion = 3;

    /// <summary>This program carrying <paramref name="repair"/>, in <see cref="RepairFormatVersion"/>.</summary>
    public MappedProgram WithRepair(Repair.ProgramRepair repair)
    {
        ArgumentNullException.ThrowIfNull(repair);
        return this with { FormatVersion = RepairFormatVersion, Repair = repair };
    }

    /// <summary>Instructions in all bodies (not multiplied by pixels).</summary>
    public int InstructionCount => Prologue.Count + Stages.Sum(s => s.Copies.Sum(c => c.Body.Count));
}
