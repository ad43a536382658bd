using BnnCompiler.Circuits.Activity;
using BnnCompiler.Isa;

namespace BnnCompiler.Simulator.Timing;

/// <summary>
/// The (component, action) rows one executed instruction performs, counted by the timing engine as it executes a
/// stage (bulk: a copy's body once, times its pixels). Data-dependent actions (word lines driven, cells conducting)
/// are not the engine's to count: the functional simulator counts those from the data.
/// <code>
///   read            → subarray.read × reads per input × the block's row groups (⌈rows / group rows⌉, each read on its own)
///   convert (C)     → bit_line.sense, adc.convert, column_mux.select: C × reads per input × its read's row groups each
///   shift_add       → shift_add.add: the convert's columns (every converted column folds into its accumulator)
///   accumulate      → pe_adder / tile_adder / chip_adder.add: elements × (operands − 1)
///   activate / pool / residual_add → threshold_unit.compare / pooling_unit.pool / threshold_unit.residual_add: elements
///   transfer down (b bits) → global_buffer.read_bit, global_interconnect.down_bit: b
///   transfer up (b)  → global_interconnect.up_bit: b;  store (b) → global_buffer.write_bit (+ up_bit from a tile): b
///   write_buffer / read_buffer (b) → tile_buffer.write_bit / read_bit: b; an input read also tile_interconnect.down_bit
/// </code>
/// </summary>
internal static class InstructionActions
{
    /// <summary>Adds the actions of <paramref name="body"/> executed <paramref name="times"/> times to <paramref name="counts"/> (one entry
    /// per row); <paramref name="readGroups"/>: each instruction's row groups (<see cref="BodyReadGroups"/>).</summary>
    public static void Add(IReadOnlyList<Instruction> body, IReadOnlyList<int> readGroups, MachineParameters m, long times, long[] counts)
    {
        var lastConverted = 0L;
        for (var i = 0; i < body.Count; i++)
        {
            switch (body[i])
            {
                case ReadInstruction:
                    Count(counts, times * m.ReadsPerInput * readGroups[i], ChipActions.SubarrayRead);  // each row group is its own read
                    break;
                case ConvertInstruction c:
                    lastConverted = times * c.Columns * m.ReadsPerInput * readGroups[i];
                    Count(counts, lastConverted, ChipActions.BitLineSense, ChipActions.AdcConvert, ChipActions.MuxSelect);
                    break;
                case ShiftAddInstruction:
                    Count(counts, lastConverted, ChipActions.ShiftAdd);
                    break;
                case AccumulateInstruction a:
                    Count(counts, times * a.Elements * (a.Operands - 1), a.Level switch
                    {
                        Mapping.AccumulationLevel.Pe => ChipActions.PeAdd,
                        Mapping.AccumulationLevel.Tile => ChipActions.TileAdd,
                        _ => ChipActions.ChipAdd,
                    });
                    break;
                case ActivateInstruction a:
                    Count(counts, times * a.Elements, ChipActions.Threshold);
                    break;
                case PoolInstruction p:
                    Count(counts, times * p.Elements, ChipActions.Pool);
                    break;
                case ResidualAddInstruction r:
                    Count(counts, times * r.Elements, ChipActions.ResidualAdd);
                    break;
                case TransferInstruction t:
                    Count(counts, times * t.Bits, t.Direction == TransferDirection.Down
                        ? [ChipActions.GlobalBufferRead, ChipActions.GlobalLinkDown]
                        : [ChipActions.GlobalLinkUp]);
                    break;
                case StoreInstruction s:
                    Count(counts, times * s.Bits, s.Tile == Instruction.Chip
                        ? [ChipActions.GlobalBufferWrite]
                        : [ChipActions.GlobalBufferWrite, ChipActions.GlobalLinkUp]);
                    break;
                case BufferWriteInstruction w:
                    Count(counts, times * w.Bits, ChipActions.TileBufferWrite);
                    break;
                case BufferReadInstruction r:
                    Count(counts, times * r.Bits, r.Buffer == TileBuffer.Input
                        ? [ChipActions.TileBufferRead, ChipActions.TileLinkDown]
                        : [ChipActions.TileBufferRead]);
                    break;
            }
        }
    }

    private static void Count(long[] counts, long n, params ReadOnlySpan<ChipAction> rows)
    {
        foreach (var row in rows)
        {
            counts[row.Index] += n;
        }
    }
}
