using BnnCompiler.Isa.Compilation;
using BnnCompiler.Mapping;

namespace BnnCompiler.Isa.Tests;

/// <summary>The compiled bodies against counts worked out from the mapping by hand.</summary>
public class CompilerTests
{
    [Fact]
    public void Should_Lower_Tfc_Layer_0_To_The_Expected_Instructions()
    {
        // TFC fc0 on tiny: K = 784, N = 64; 8 weight rows × 16 columns a subarray → 98 × 4 blocks; PEs hold 2 × 2
        // subarrays → 49 PE rows; tiles hold 2 × 2 PEs → 25 tile rows (the last with one PE row), 1 tile column.
        var program = ProgramCompiler.Compile(IsaTestModels.Tfc());
        var body = Assert.Single(program.Stages[0].Copies).Body;

        // Per tile (25, one column of tiles) one transfer down of its window slice (32 rows × 1 bit; the last tile's 16),
        // one write into its input buffer and one read out to its PEs; one read and one convert per block: 392.
        var downs = body.OfType<TransferInstruction>().Where(t => t.Direction == TransferDirection.Down).ToList();
        Assert.Equal(25, downs.Count);
        Assert.Equal(784, downs.Sum(t => t.Bits));
        Assert.Equal((32L, 16L), (downs[0].Bits, downs[^1].Bits));
        Assert.Equal(25, body.OfType<BufferWriteInstruction>().Count(w => w.Buffer == TileBuffer.Input));
        Assert.Equal(25, body.OfType<BufferReadInstruction>().Count(r => r.Buffer == TileBuffer.Input && r.Words == r.Bits));
        Assert.Equal(392, body.OfType<ReadInstruction>().Count());
        Assert.All(body.OfType<ConvertInstruction>(), c => Assert.Equal((16, 4), (c.Columns, c.MuxSteps)));
        Assert.Empty(body.OfType<ShiftAddInstruction>()); // bipolar input: one plane

        // Partial sums: per PE and column block 2 row blocks (49 · 4 = 196); per tile and column block 2 PE groups except
        // in the last tile (24 · 4 = 96); chip: per column block and tile the 16 partial sums of 8 bits go through the
        // tile's output buffer (write, read) and up (100 transfers), then one 25-operand accumulate.
        var accumulates = body.OfType<AccumulateInstruction>().ToList();
        Assert.Equal(196, accumulates.Count(a => a.Level == AccumulationLevel.Pe && a.Operands == 2));
        Assert.Equal(96, accumulates.Count(a => a.Level == AccumulationLevel.Tile && a.Operands == 2));
        Assert.Equal(4, accumulates.Count(a => a.Level == AccumulationLevel.Chip && a.Operands == 25 && a.Elements == 16));
        Assert.Equal(100, body.OfType<TransferInstruction>().Count(t => t.Direction == TransferDirection.Up && t.Bits == 16 * 8));
        Assert.Equal(100, body.OfType<BufferWriteInstruction>().Count(w => w.Buffer == TileBuffer.Output && (w.Words, w.Bits) == (16, 128)));
        Assert.Equal(100, body.OfType<BufferReadInstruction>().Count(r => r.Buffer == TileBuffer.Output));

        // The threshold runs at chip level on all 64 outputs, then one store of 64 one-bit results (through the global
        // buffer's port, no tile buffer).
        var store = Assert.IsType<StoreInstruction>(body[^1]);
        Assert.Equal((Instruction.Chip, 64L), (store.Tile, store.Bits));
        Assert.Contains(body, i => i is ActivateInstruction { Op: "threshold", Tile: Instruction.Chip, Elements: 64 });

        // The input binarizer is the prologue, on the 784 input values.
        Assert.Equal(new ActivateInstruction("37", "threshold", Instruction.Chip, 784, ValueList<int>.Empty), Assert.Single(program.Prologue));
    }

    [Fact]
    public void Should_Give_Each_Copy_Its_Pixels_And_Tiles()
    {
        // SmallConv conv0: 6 × 6 output pixels; 3 copies → pixels [0, 12), [12, 24), [24, 36), one tile each.
        var mapping = CrossbarMapper.Map(IsaTestModels.SmallConv(), IsaTestModels.Spec("tiny.yaml", "pipeline.duplication.degree=3"));
        var stage = ProgramCompiler.Compile(mapping).Stages[0];

        Assert.Equal([(0, 12), (12, 12), (24, 12)], stage.Copies.Select(c => (c.FirstPixel, c.Pixels)));
        Assert.Equal(mapping.Layers[0].TileIds, stage.Copies.SelectMany(c => c.Tiles));
        Assert.All(stage.Copies, c => Assert.All(c.Body.OfType<ReadInstruction>(), r => Assert.Contains(r.Tile, c.Tiles)));
    }

    [Fact]
    public void Should_Shift_And_Add_Every_Plane_Of_A_Multi_Bit_Input()
    {
        // SmallConv conv0 reads the 8-bit image with readout.input_bits = 4 on tiny: 4 planes. K = 2 · 3 · 3 = 18 rows
        // → 3 row blocks, N = 8 → 1 column block: 3 blocks × 4 planes = 12 reads, converts and shift_adds; each shift_add
        // after its convert and the previous plane's shift_add.
        var mapping = CrossbarMapper.Map(IsaTestModels.SmallConv(), IsaTestModels.Spec("tiny.yaml"));
        var body = ProgramCompiler.Compile(mapping).Stages[0].Copies[0].Body;

        Assert.Equal(4, mapping.Layers[0].InputBits);
        Assert.Equal(12, body.OfType<ReadInstruction>().Count());
        var shiftAdds = body.Select((i, n) => (i, n)).Where(x => x.i is ShiftAddInstruction).ToList();
        Assert.Equal(12, shiftAdds.Count);
        Assert.All(shiftAdds, x =>
        {
            var s = (ShiftAddInstruction)x.i;
            Assert.Contains(s.After, d => body[d] is ConvertInstruction c && c.SubarrayId == s.SubarrayId && c.Plane == s.Plane);
            Assert.Equal(s.Plane == 0 ? 1 : 2, s.After.Count);
        });
    }
}
