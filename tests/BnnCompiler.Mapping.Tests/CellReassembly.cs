using BnnCompiler.Hardware;
using BnnCompiler.Mapping.Cells;

namespace BnnCompiler.Mapping.Tests;

/// <summary>
/// Decodes weights back out of the mapping's cell contents by the rules of docs/hwspec.md (written out here, not
/// taken from the mapper's CellGeometry), and checks that every weight of every copy sits in exactly one cell pair.
/// </summary>
internal static class CellReassembly
{
    public static void AssertEveryLayerReassembles(ChipMapping mapping)
    {
        foreach (var layer in mapping.Layers)
        {
            AssertLayerReassembles(mapping.Spec, layer);
        }
    }

    public static void AssertLayerReassembles(HardwareSpec spec, LayerMapping layer)
    {
        var (k, n) = (layer.Rows, layer.Columns);
        var signs = layer.Node.Signs;
        Assert.Equal(layer.Copies * layer.BlocksPerCopy, layer.Blocks.Count);
        for (var copy = 0; copy < layer.Copies; copy++)
        {
            var rebuilt = new sbyte[k * n];
            var times = new int[k * n];
            foreach (var block in layer.Blocks.Where(b => b.Copy == copy))
            {
                var cells = layer.Cells(block);
                Assert.Equal(spec.Subarray.Rows, cells.Rows);
                Assert.Equal(spec.Subarray.Columns, cells.Columns);
                for (var r = 0; r < block.RowCount; r++)
                {
                    for (var c = 0; c < block.ColumnCount; c++)
                    {
                        var index = ((block.ColumnStart + c) * k) + block.RowStart + r;
                        rebuilt[index] = Decode(spec.Weights, cells, r, c);
                        times[index]++;
                    }
                }

                var reference = spec.Weights.Mode == WeightMappingMode.OneCellReference ? block.RowCount : 0;
                var holding = block.Weights * spec.Weights.CellsPerWeight;
                Assert.Equal(holding + reference, cells.States.Count(s => s != CellState.Empty));
                AssertPacked(layer.Pack(block), signs, k, block);
            }

            Assert.All(times, t => Assert.Equal(1, t));
            Assert.Equal(signs, rebuilt);
        }
    }

    /// <summary>The ±1 weight at local (r, c): two cells (w, ¬w) in rows 2r, 2r+1 or columns 2c, 2c+1; or one cell against the last column.</summary>
    private static sbyte Decode(WeightMappingSpec weights, Cells.SubarrayCells cells, int r, int c)
    {
        if (weights.Mode == WeightMappingMode.OneCellReference)
        {
            Assert.Equal(CellState.Reference, cells[r, cells.Columns - 1]);
            return cells[r, c] switch
            {
                CellState.On => 1,
                CellState.Off => -1,
                var other => throw new Xunit.Sdk.XunitException($"cell ({r},{c}) holds {other}"),
            };
        }

        var (plus, minus) = weights.PairLayout == PairLayout.Rows
            ? (cells[2 * r, c], cells[(2 * r) + 1, c])
            : (cells[r, 2 * c], cells[r, (2 * c) + 1]);
        return (plus, minus) switch
        {
            (CellState.On, CellState.Off) => 1,
            (CellState.Off, CellState.On) => -1,
            _ => throw new Xunit.Sdk.XunitException($"weight ({r},{c}) is stored as the pair ({plus}, {minus})"),
        };
    }

    private static void AssertPacked(PackedBlock packed, sbyte[] signs, int k, SubarrayBlock block)
    {
        Assert.Equal((block.RowStart, block.RowCount, block.ColumnStart, block.ColumnCount), (packed.RowStart, packed.RowCount, packed.ColumnStart, packed.ColumnCount));
        Assert.Equal((block.RowCount + 63) / 64, packed.WordsPerColumn);
        for (var c = 0; c < block.ColumnCount; c++)
        {
            var popcount = 0;
            for (var w = 0; w < packed.WordsPerColumn; w++)
            {
                popcount += System.Numerics.BitOperations.PopCount(packed.Words[(c * packed.WordsPerColumn) + w]);
            }

            var positives = 0;
            for (var r = 0; r < block.RowCount; r++)
            {
                var positive = signs[((block.ColumnStart + c) * k) + block.RowStart + r] > 0;
                positives += positive ? 1 : 0;
                Assert.Equal(positive, packed.IsPositive(r, c));
            }

            Assert.Equal(positives, popcount); // no stray padding bits
        }
    }
}
