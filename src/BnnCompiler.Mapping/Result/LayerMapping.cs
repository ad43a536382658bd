using System.Text.Json.Serialization;
using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Mapping.Cells;

namespace BnnCompiler.Mapping;

/// <summary>
/// How one binarized layer sits on the chip: its K × N matrix (K = C_in·k_h·k_w rows, N = C_out columns,
/// applied once per output pixel), cut into <see cref="RowBlocks"/> × <see cref="ColumnBlocks"/> subarray
/// blocks, grouped into PEs and tiles, copied <see cref="Copies"/> times, and placed. <see cref="Blocks"/>
/// lists every block of every copy (copy-major, then row block, then column block), so
/// <c>Blocks[copy · BlocksPerCopy + rowBlock · ColumnBlocks + columnBlock]</c>; <see cref="Block"/> does that.
/// </summary>
public sealed record LayerMapping
{
    /// <summary>The IR node's name.</summary>
    public required string Name { get; init; }

    /// <summary>The ONNX node(s) the layer came from.</summary>
    public required string Origin { get; init; }

    /// <summary><see cref="LayerKinds.Binary"/> (bipolar input) or <see cref="LayerKinds.MultiBitInput"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The IR node (weights, α, bias, window); not serialised.</summary>
    [JsonIgnore]
    public required BinaryLinearNode Node { get; init; }

    /// <summary>Position among the mapped layers, in topological order.</summary>
    public required int Index { get; init; }

    /// <summary>K: inputs of one matrix-vector product (C_in·k_h·k_w).</summary>
    public int Rows => Node.Layout.Rows;

    /// <summary>N: outputs of one product (C_out).</summary>
    public int Columns => Node.Layout.Columns;

    /// <summary>Matrix-vector products per image (1 for a dense layer).</summary>
    public int OutputPixels => Node.Layout.OutputPixels;

    /// <summary>The code of the layer's input values (bipolar, or n-bit integers such as the 8-bit image).</summary>
    public required ValueEncoding InputEncoding { get; init; }

    /// <summary>Bit planes applied per input vector: 1 for bipolar, min(code bits, readout.input_bits) for the image, else the code's bits.</summary>
    public required int InputBits { get; init; }

    public required int RowBlocks { get; init; }

    public required int ColumnBlocks { get; init; }

    public int BlocksPerCopy => RowBlocks * ColumnBlocks;

    /// <summary>Rows of the grid of PEs one copy occupies (row blocks / subarray rows per PE, rounded up).</summary>
    public required int PeRows { get; init; }

    public required int PeColumns { get; init; }

    public int PesPerCopy => PeRows * PeColumns;

    /// <summary>Rows of the grid of tiles one copy occupies (PE rows / PE rows per tile, rounded up).</summary>
    public required int TileRows { get; init; }

    public required int TileColumns { get; init; }

    public int TilesPerCopy => TileRows * TileColumns;

    /// <summary>Copies of the weights (1 = no duplication); copy c computes the output pixels <see cref="CopyPixels"/>(c).</summary>
    public required int Copies { get; init; }

    public int Subarrays => BlocksPerCopy * Copies;

    public int Pes => PesPerCopy * Copies;

    public int Tiles => TilesPerCopy * Copies;

    /// <summary>Where row-block partial sums are added.</summary>
    public required AccumulationLevel Accumulation { get; init; }

    /// <summary>Every block of every copy with its placement.</summary>
    public required IReadOnlyList<SubarrayBlock> Blocks { get; init; }

    /// <summary>The chip tile ids the layer uses, copy-major, row-major within a copy.</summary>
    public required IReadOnlyList<int> TileIds { get; init; }

    /// <summary>K·N over the weight slots of the subarrays one copy uses.</summary>
    public required double SubarrayUtilization { get; init; }

    /// <summary>K·N over the weight slots of the tiles one copy uses.</summary>
    public required double TileUtilization { get; init; }

    /// <summary>Pipeline stage (equal to <see cref="Index"/>: one stage per mapped layer).</summary>
    public required int Stage { get; init; }

    /// <summary>Crossbar work per image: ⌈pixels / copies⌉ · input bits · sensing cycles per input bit.</summary>
    public required long StageCycles { get; init; }

    /// <summary>The digital operations whose input this layer produces; they run on its tiles.</summary>
    public required IReadOnlyList<DigitalOp> DigitalOps { get; init; }

    /// <summary>Which physical cells hold a weight in every subarray of the chip.</summary>
    public required CellGeometry Geometry { get; init; }

    public SubarrayBlock Block(int copy, int rowBlock, int columnBlock) =>
        Blocks[(copy * BlocksPerCopy) + (rowBlock * ColumnBlocks) + columnBlock];

    /// <summary>The output pixels copy <paramref name="copy"/> computes: [⌊c·P/d⌋, ⌊(c+1)·P/d⌋).</summary>
    public PixelRange CopyPixels(int copy)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(copy);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(copy, Copies);
        var start = (int)((long)copy * OutputPixels / Copies);
        var end = (int)((long)(copy + 1) * OutputPixels / Copies);
        return new PixelRange(start, end - start);
    }

    /// <summary>The conductance state of every physical cell of the subarray that holds <paramref name="block"/>.</summary>
    public SubarrayCells Cells(SubarrayBlock block) => BlockContents.Cells(Geometry, Node.Signs, Rows, block);

    /// <summary>The block's weights packed 64 to a word, per local column (bit = 1 for +1).</summary>
    public PackedBlock Pack(SubarrayBlock block) => BlockContents.Pack(Node.Signs, Rows, block);
}
