using BnnCompiler.Circuits;
using BnnCompiler.Circuits.Components;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;

namespace BnnCompiler.Isa.Compilation;

/// <summary>
/// Lowers a <see cref="ChipMapping"/> to a <see cref="MappedProgram"/>: the machine parameters from the floorplan and
/// the spec, the chip-level prologue, and per stage one per-pixel body for each copy (<see cref="CopyBodyBuilder"/>).
/// <code>
/// before: fc0 784 x 64 on 98 x 4 blocks, 1 copy, partial sums added at chip level
/// after:  stage 0 copy 0: per tile transfer down, write_buffer input, read_buffer input; read/convert per block and
///         plane; accumulate per PE / tile; per tile write_buffer output, read_buffer output, transfer up;
///         accumulate at chip, activate, store
/// </code>
/// </summary>
public static class ProgramCompiler
{
    /// <summary>Compiles with the chip's clock (<see cref="ChipClock"/>: the sensing path, or the spec's fixed period).</summary>
    public static MappedProgram Compile(ChipMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return Compile(mapping, ChipClock.PeriodNs(mapping.Spec, CircuitOptions.Default));
    }

    public static MappedProgram Compile(ChipMapping mapping, double clockPeriodNs)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockPeriodNs);
        var machine = Machine(mapping, clockPeriodNs);
        var placements = mapping.Tiles.ToDictionary(t => t.Id);
        var stages = mapping.Layers.Select(layer => new StageProgram(
                layer.Stage,
                layer.Name,
                mapping.Schedule.Stages[layer.Index].ReadsFrom,
                layer.Rows,
                layer.Columns,
                layer.OutputPixels,
                layer.InputBits,
                layer.Accumulation,
                Enumerable.Range(0, layer.Copies).Select(c => CopyBodyBuilder.Build(layer, c, machine, placements)).ToValueList()))
            .ToValueList();
        return new MappedProgram
        {
            FormatVersion = MappedProgram.CurrentFormatVersion,
            Model = mapping.Model,
            Spec = mapping.Spec.Name ?? mapping.Spec.SourcePath,
            ClockPeriodNs = clockPeriodNs,
            Pipeline = mapping.Spec.Pipeline.Mode,
            Machine = machine,
            Prologue = CopyBodyBuilder.Prologue(mapping),
            Stages = stages,
        };
    }

    private static MachineParameters Machine(ChipMapping mapping, double clockPeriodNs)
    {
        var spec = mapping.Spec;
        var fp = mapping.Floorplan;
        var adcs = spec.AdcsPerSubarray;
        var tileTrees = fp.PesPerTile.Columns * fp.SubarraysPerPe.Columns * adcs;
        return new MachineParameters
        {
            Tiles = fp.Tiles,
            PesPerTile = fp.PesPerTile,
            SubarraysPerPe = fp.SubarraysPerPe,
            Subarray = new GridSpec(fp.SubarrayRows, fp.SubarrayColumns),
            SubarrayWeights = new GridSpec(fp.WeightRowsPerSubarray, fp.WeightColumnsPerSubarray),
            AdcKind = spec.Readout.AdcKind,
            AdcBits = spec.Readout.AdcBits,
            ColumnsPerAdc = spec.Readout.ColumnsPerAdc,
            AdcsPerSubarray = adcs,
            ConversionCycles = spec.Readout.AdcKind == AdcKind.Sar ? spec.Readout.AdcBits : 1,
            ReadPulseCycles = Math.Max(1, (int)Math.Ceiling((spec.Cell.ReadPulseNs / clockPeriodNs) - 1e-9)),
            RowGroups = spec.RowGroups,
            ReadsPerInput = spec.Weights.ReadsPerInput,
            Interconnect = spec.Chip.Interconnect,
            BusWidthBits = spec.Chip.BusWidthBits,
            TileInputPortBits = TileBufferPorts.InputBits(fp),
            TileOutputPortWords = TileBufferPorts.OutputWords(fp),
            TreeLanes = adcs,
            ChipLanes = tileTrees,
            DigitalLanes = tileTrees,
            PartialSumBits = fp.Buffers.PeAdderTreeBits,
        };
    }
}
