using System.Text;
using static BnnCompiler.Isa.Text.TextNames;

namespace BnnCompiler.Isa.Text;

/// <summary>
/// Writes a <see cref="MappedProgram"/> as text, one directive or instruction a line (format in docs/timing.md):
/// <code>
/// bnnc-program 2
/// program model=… spec=… clock_ns=2 pipeline=layer_pipelined
/// machine tiles=8x8 …
/// prologue … end
/// stage 0 layer=fc0 …
/// copy 0 first_pixel=0 pixels=1 tiles=0,1
///   0: transfer dir=down tile=0 bits=64 hops=1
///   1: write_buffer tile=0 buffer=input words=64 bits=64 after=0
///   2: read_buffer tile=0 buffer=input words=64 bits=64 after=1
/// end
/// </code>
/// A program carrying a repair plan continues with it (<see cref="RepairWriter"/>, format version 3).
/// The output is canonical: writing a program read back from it gives the same text.
/// </summary>
public static class ProgramWriter
{
    public const string Header = "bnnc-program";

    /// <summary>One instruction as the text format spells it: <c>mnemonic key=value … [after=i,j]</c>.</summary>
    public static string Format(Instruction instruction) => InstructionTable.Format(instruction);

    public static string Write(MappedProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        if ((program.Repair is not null) != (program.FormatVersion == MappedProgram.RepairFormatVersion))
        {
            throw new ArgumentException($"a program in format version {program.FormatVersion} {(program.Repair is null ? "without" : "with")} a repair plan; a repair plan is written in version {MappedProgram.RepairFormatVersion} only", nameof(program));
        }

        var sb = new StringBuilder();
        sb.Append(Header).Append(' ').Append(Int(program.FormatVersion)).Append('\n');
        sb.Append($"program model={Quote(program.Model)} spec={Quote(program.Spec)} clock_ns={Double(program.ClockPeriodNs)} pipeline={Enum(program.Pipeline)}\n");
        var m = program.Machine;
        sb.Append($"machine tiles={Grid(m.Tiles)} tile_pes={Grid(m.PesPerTile)} pe_subarrays={Grid(m.SubarraysPerPe)} subarray={Grid(m.Subarray)} subarray_weights={Grid(m.SubarrayWeights)}")
            .Append($" adc={Enum(m.AdcKind)} adc_bits={Int(m.AdcBits)} columns_per_adc={Int(m.ColumnsPerAdc)} adcs_per_subarray={Int(m.AdcsPerSubarray)} conversion_cycles={Int(m.ConversionCycles)}")
            .Append($" read_pulse_cycles={Int(m.ReadPulseCycles)} row_groups={Int(m.RowGroups)} reads_per_input={Int(m.ReadsPerInput)}")
            .Append($" interconnect={Enum(m.Interconnect)} bus_bits={Int(m.BusWidthBits)}")
            .Append($" tile_input_port_bits={Int(m.TileInputPortBits)} tile_output_port_words={Int(m.TileOutputPortWords)}")
            .Append($" tree_lanes={Int(m.TreeLanes)} chip_lanes={Int(m.ChipLanes)} digital_lanes={Int(m.DigitalLanes)} partial_sum_bits={Int(m.PartialSumBits)}\n");
        sb.Append("prologue\n");
        Body(sb, program.Prologue);
        sb.Append("end\n");
        foreach (var s in program.Stages)
        {
            sb.Append('\n');
            sb.Append($"# stage {Int(s.Index)}: {Quote(s.Layer)}, {Int(s.Rows)} x {Int(s.Columns)}, {Int(s.OutputPixels)} pixel(s) x {Int(s.InputBits)} plane(s), {Int(s.Copies.Count)} cop{(s.Copies.Count == 1 ? "y" : "ies")}\n");
            sb.Append($"stage {Int(s.Index)} layer={Quote(s.Layer)}");
            if (s.ReadsFrom is not null)
            {
                sb.Append($" reads_from={Quote(s.ReadsFrom)}");
            }

            sb.Append($" rows={Int(s.Rows)} columns={Int(s.Columns)} pixels={Int(s.OutputPixels)} input_bits={Int(s.InputBits)} accumulation={Enum(s.Accumulation)}\n");
            foreach (var c in s.Copies)
            {
                sb.Append($"copy {Int(c.Copy)} first_pixel={Int(c.FirstPixel)} pixels={Int(c.Pixels)} tiles={List(c.Tiles)}\n");
                Body(sb, c.Body);
                sb.Append("end\n");
            }
        }

        if (program.Repair is { } repair)
        {
            RepairWriter.Write(sb, repair);
        }

        return sb.ToString();
    }

    private static void Body(StringBuilder sb, IReadOnlyList<Instruction> body)
    {
        for (var i = 0; i < body.Count; i++)
        {
            sb.Append("  ").Append(Int(i)).Append(": ").Append(InstructionTable.Format(body[i])).Append('\n');
        }
    }

    private static string Grid(Hardware.GridSpec g) => $"{Int(g.Rows)}x{Int(g.Columns)}";
}
