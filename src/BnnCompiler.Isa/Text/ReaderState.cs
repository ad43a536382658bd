using System.Globalization;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Hardware;
using BnnCompiler.Mapping;

namespace BnnCompiler.Isa.Text;

/// <summary>The reader's position in the file and what it has built so far.</summary>
internal sealed class ReaderState(string file)
{
    private readonly DiagnosticBag _bag = new();
    private readonly List<StageBuilder> _stages = [];
    private RepairReader? _plan;
    private int? _version;
    private (string Model, string Spec, double Clock, PipelineMode Mode)? _program;
    private MachineParameters? _machine;
    private List<Instruction>? _prologue;
    private List<Instruction>? _block;
    private int _blockLine;
    private (int Copy, int First, int Pixels, ValueList<int> Tiles)? _copy;

    public bool Fatal { get; private set; }

    /// <summary>The reader of the repair plan (format version 3).</summary>
    private RepairReader Plan => _plan ??= new RepairReader(file, _bag);

    public void Line(int line, string raw)
    {
        var tokens = LineTokenizer.Split(raw, out var error);
        if (tokens is null)
        {
            _bag.Error(IsaCodes.Syntax, error!.Value.Message, new SourceLocation(file, line, error.Value.Column));
            return;
        }

        if (tokens.Count == 0)
        {
            return;
        }

        var head = tokens[0];
        if (_version is null)
        {
            Header(line, tokens);
            return;
        }

        if (head.Text.EndsWith(':') && int.TryParse(head.Text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            InstructionLine(line, index, tokens);
            return;
        }

        if (RepairReader.Takes(head.Text) || (head.Text == "end" && Plan.InPlacement))
        {
            Plan.Line(line, tokens, _version.Value);
            return;
        }

        if (Plan.Started || Plan.InPlacement)
        {
            Error(IsaCodes.Structure, line, head.Column, $"'{head.Text}' after the repair plan; only placement blocks may follow the 'repair' line");
            return;
        }

        if (_block is not null && head.Text != "end")
        {
            Error(IsaCodes.Structure, line, head.Column, $"'{head.Text}' inside a block; expected an instruction 'N: mnemonic …' or 'end'");
            return;
        }

        var f = new FieldSet(file, line, head.Text, tokens.Skip(head.Text is "stage" or "copy" ? 2 : 1), _bag);
        switch (head.Text)
        {
            case "program":
                Once(_program is not null, line, head);
                _program = (f.String("model"), f.String("spec"), f.PositiveDouble("clock_ns"), f.Enum<PipelineMode>("pipeline"));
                break;
            case "machine":
                Once(_machine is not null, line, head);
                _machine = MachineLine(f);
                break;
            case "prologue":
                Once(_prologue is not null || _stages.Count > 0, line, head);
                (_prologue, _block, _blockLine) = ([], [], line);
                break;
            case "stage":
                StageLine(line, tokens, f);
                break;
            case "copy":
                CopyLine(line, tokens, f);
                break;
            case "end":
                EndBlock(line, head);
                break;
            default:
                Error(IsaCodes.Syntax, line, head.Column, $"unknown directive '{head.Text}'; expected program, machine, prologue, stage, copy, end or 'N: instruction'");
                return;
        }

        f.ReportUnused();
    }

    public MappedProgram Finish(int lines)
    {
        if (_version is null)
        {
            _bag.Error(IsaCodes.NotAProgram, $"empty file; a mapped program starts with '{ProgramWriter.Header} {MappedProgram.CurrentFormatVersion}'", new SourceLocation(file, 1, 1));
        }
        else if (!Fatal)
        {
            if (_block is not null)
            {
                Error(IsaCodes.Structure, lines, 1, $"the block opened on line {_blockLine} has no 'end'");
                EndBlock(lines, new Token("end", 1));
            }

            if (_program is null)
            {
                Error(IsaCodes.Structure, 1, 1, "the 'program' line is missing");
            }

            if (_machine is null)
            {
                Error(IsaCodes.Structure, 1, 1, "the 'machine' line is missing");
            }

            if (_stages.Count == 0)
            {
                Error(IsaCodes.Structure, lines, 1, "the program has no stage");
            }

            foreach (var s in _stages.Where(s => s.Copies.Count == 0))
            {
                Error(IsaCodes.Structure, s.Line, 1, $"stage {s.Index} has no copy block");
            }
        }

        var repair = Fatal ? null : Plan.Finish(lines);
        if (!Fatal && _version == MappedProgram.RepairFormatVersion && repair is null)
        {
            Error(IsaCodes.Structure, lines, 1, $"a version {MappedProgram.RepairFormatVersion} program ends with its repair plan; the 'repair' line is missing");
        }

        _bag.ThrowIfErrors();
        var p = _program!.Value;
        return new MappedProgram
        {
            FormatVersion = _version!.Value,
            Model = p.Model,
            Spec = p.Spec,
            ClockPeriodNs = p.Clock,
            Pipeline = p.Mode,
            Machine = _machine!,
            Prologue = (_prologue ?? []).ToValueList(),
            Stages = _stages.Select(s => s.Build()).ToValueList(),
            Repair = repair,
        };
    }

    private void Header(int line, List<Token> tokens)
    {
        _version = -1;
        if (tokens[0].Text != ProgramWriter.Header || tokens.Count != 2
            || !int.TryParse(tokens[1].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            Error(IsaCodes.NotAProgram, line, tokens[0].Column, $"not a mapped program: the first line must be '{ProgramWriter.Header} {MappedProgram.CurrentFormatVersion}'");
            Fatal = true;
            return;
        }

        if (version is not (MappedProgram.CurrentFormatVersion or MappedProgram.RepairFormatVersion))
        {
            Error(IsaCodes.NotAProgram, line, tokens[1].Column, $"program format version {version} is not supported; this tool reads versions {MappedProgram.CurrentFormatVersion} and {MappedProgram.RepairFormatVersion} (with a repair plan)");
            Fatal = true;
            return;
        }

        _version = version;
    }

    private static MachineParameters MachineLine(FieldSet f) => new()
    {
        Tiles = f.Grid("tiles"),
        PesPerTile = f.Grid("tile_pes"),
        SubarraysPerPe = f.Grid("pe_subarrays"),
        Subarray = f.Grid("subarray"),
        SubarrayWeights = f.Grid("subarray_weights"),
        AdcKind = f.Enum<AdcKind>("adc"),
        AdcBits = f.Int("adc_bits", 1),
        ColumnsPerAdc = f.Int("columns_per_adc", 1),
        AdcsPerSubarray = f.Int("adcs_per_subarray", 1),
        ConversionCycles = f.Int("conversion_cycles", 1),
        ReadPulseCycles = f.Int("read_pulse_cycles", 1),
        RowGroups = f.Int("row_groups", 1),
        ReadsPerInput = f.Int("reads_per_input", 1),
        Interconnect = f.Enum<InterconnectTopology>("interconnect"),
        BusWidthBits = f.Int("bus_bits", 1),
        TileInputPortBits = f.Int("tile_input_port_bits", 1),
        TileOutputPortWords = f.Int("tile_output_port_words", 1),
        TreeLanes = f.Int("tree_lanes", 1),
        ChipLanes = f.Int("chip_lanes", 1),
        DigitalLanes = f.Int("digital_lanes", 1),
        PartialSumBits = f.Int("partial_sum_bits", 1),
    };

    private void StageLine(int line, List<Token> tokens, FieldSet f)
    {
        var index = Position(line, tokens, "stage", _stages.Count);
        _stages.Add(new StageBuilder(line, index, f.String("layer"), f.OptionalString("reads_from"), f.Int("rows", 1), f.Int("columns", 1),
            f.Int("pixels", 1), f.Int("input_bits", 1), f.Enum<AccumulationLevel>("accumulation")));
    }

    private void CopyLine(int line, List<Token> tokens, FieldSet f)
    {
        if (_stages.Count == 0)
        {
            Error(IsaCodes.Structure, line, tokens[0].Column, "'copy' before any 'stage'");
            return;
        }

        var index = Position(line, tokens, "copy", _stages[^1].Copies.Count);
        _copy = (index, f.Int("first_pixel"), f.Int("pixels"), f.IntList("tiles"));
        (_block, _blockLine) = ([], line);
    }

    private void EndBlock(int line, Token head)
    {
        if (_block is null)
        {
            Error(IsaCodes.Structure, line, head.Column, "'end' without an open prologue or copy block");
            return;
        }

        if (_copy is { } c)
        {
            _stages[^1].Copies.Add(new CopyProgram(c.Copy, c.First, c.Pixels, c.Tiles, _block.ToValueList()));
        }
        else
        {
            _prologue = _block;
        }

        (_block, _copy) = (null, null);
    }

    private void InstructionLine(int line, int index, List<Token> tokens)
    {
        if (_block is null)
        {
            Error(IsaCodes.Structure, line, tokens[0].Column, "instruction outside a prologue or copy block");
            return;
        }

        if (index != _block.Count)
        {
            Error(IsaCodes.Structure, line, tokens[0].Column, $"instruction number {index} out of sequence; expected {_block.Count}");
        }

        if (tokens.Count < 2)
        {
            Error(IsaCodes.Syntax, line, tokens[0].Column, "instruction number without a mnemonic");
            return;
        }

        var f = new FieldSet(file, line, tokens[1].Text, tokens.Skip(2), _bag);
        var instruction = InstructionTable.Parse(tokens[1].Text, f, tokens[1].Column);
        if (instruction is null)
        {
            _block.Add(new ConcatInstruction("?", 0, 0, ValueList<int>.Empty));
            return;
        }

        foreach (var dep in instruction.After.Where(d => d >= _block.Count))
        {
            Error(IsaCodes.Structure, line, f.ColumnOf("after"), $"after={dep} names an instruction that is not before this one ({_block.Count}); dependencies must point backwards");
        }

        _block.Add(instruction);
    }

    /// <summary>The number after 'stage' / 'copy', which must be the next in sequence.</summary>
    private int Position(int line, List<Token> tokens, string what, int expected)
    {
        if (tokens.Count < 2 || !int.TryParse(tokens[1].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            Error(IsaCodes.Syntax, line, tokens[0].Column, $"'{what}' must be followed by its number, e.g. '{what} {expected}'");
            return expected;
        }

        if (index != expected)
        {
            Error(IsaCodes.Structure, line, tokens[1].Column, $"{what} {index} out of sequence; expected {what} {expected}");
        }

        return index;
    }

    private void Once(bool seen, int line, Token head)
    {
        if (seen)
        {
            Error(IsaCodes.Structure, line, head.Column, $"'{head.Text}' may appear only once, before the stages");
        }
    }

    private void Error(string code, int line, int column, string message) => _bag.Error(code, message, new SourceLocation(file, line, column));
}
