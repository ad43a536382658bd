using BnnCompiler.Isa;

namespace BnnCompiler.Simulator.Timing.Trace;

/// <summary>
/// Where a resource instance appears in a Chrome trace: the process (the chip, or the tile that owns it) and the
/// track's name, e.g. tile 3's "PE 1 subarray 2: array + ADC group". Subarray ids are placed on their tile and PE by
/// the program's <c>read</c> instructions.
/// </summary>
internal sealed class TraceTrackNames
{
    /// <summary>The process of the chip-level resources; tile t is process <see cref="FirstTileProcess"/> + t.</summary>
    public const int ChipProcess = 2;

    /// <summary>The process of the per-stage overview tracks.</summary>
    public const int PipelineProcess = 1;

    public const int FirstTileProcess = 3;

    private readonly Dictionary<int, (int Tile, int Pe, int Subarray)> _subarrays = [];

    public TraceTrackNames(MappedProgram program)
    {
        foreach (var read in program.Stages.SelectMany(s => s.Copies).SelectMany(c => c.Body).OfType<ReadInstruction>())
        {
            _subarrays.TryAdd(read.SubarrayId, (read.Tile, read.Pe, read.Subarray));
        }
    }

    /// <summary>The process id and track name of a resource instance (class, ids as the engine keys it).</summary>
    public (int Process, string Track) Of(ResourceClass resource, int id1, int id2) => resource switch
    {
        ResourceClass.GlobalBus => (ChipProcess, "global bus (mesh link at the global buffer)"),
        ResourceClass.GlobalBufferPort => (ChipProcess, "global buffer port"),
        ResourceClass.ChipAccumulator => (ChipProcess, "global accumulation"),
        ResourceClass.ChipDigital => (ChipProcess, "chip digital units"),
        ResourceClass.TileLink => (Tile(id1), "interconnect link (H-tree share)"),
        ResourceClass.TileInputBuffer => (Tile(id1), "input buffer port"),
        ResourceClass.TileOutputBuffer => (Tile(id1), "output buffer port"),
        ResourceClass.TileDigital => (Tile(id1), "digital units"),
        ResourceClass.PeAdderTree => (Tile(id1), $"PE adder tree {id2}"),
        ResourceClass.TileAdderTree => (Tile(id1), $"tile adder tree {id2}"),
        ResourceClass.Subarray => Subarray(id1, "array + ADC group"),
        ResourceClass.ShiftAdd => Subarray(id1, "shift-add"),
        _ => (ChipProcess, resource.ToString()),
    };

    /// <summary>The process of tile <paramref name="tile"/> (the chip's for <see cref="Instruction.Chip"/>).</summary>
    public static int Tile(int tile) => tile == Instruction.Chip ? ChipProcess : FirstTileProcess + tile;

    private (int, string) Subarray(int id, string part) => _subarrays.TryGetValue(id, out var s)
        ? (Tile(s.Tile), $"PE {s.Pe} subarray {s.Subarray} (#{id}): {part}")
        : (ChipProcess, $"subarray #{id}: {part}");
}
