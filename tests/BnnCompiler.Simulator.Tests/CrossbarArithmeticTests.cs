using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Hardware;
using BnnCompiler.Simulator.Functional;
using BnnCompiler.Testing;

namespace BnnCompiler.Simulator.Tests;

/// <summary>Hand-computed crossbar reads: a 4×4 weight block, 2-bit inputs applied bit-serially, ADCs of 2 and 3 bits.</summary>
public sealed class CrossbarArithmeticTests
{
    // Columns: all +1, all −1, alternating, two +1 then two −1 (weights [N=4, K=4] row-major).
    private static readonly sbyte[] Weights =
    [
        1, 1, 1, 1,
        -1, -1, -1, -1,
        1, -1, 1, -1,
        1, 1, -1, -1,
    ];

    // Codes 3, 1, 0, 2: plane 0 = 1,1,0,0; plane 1 = 1,0,0,1. Exact dots: 6, −6, 0, 2.
    private static readonly float[] Input = [3, 1, 0, 2];

    [Fact]
    public void Should_Read_Exact_Dots_With_An_ADC_That_Resolves_Every_Count()
    {
        Assert.Equal([6f, -6f, 0f, 2f], Run(adcBits: 3));
    }

    [Fact]
    public void Should_Quantise_Each_Plane_Read_With_A_Two_Bit_ADC()
    {
        // 2 bits over 4 rows: levels 0, 4/3, 8/3, 4; m = 1 → 4/3, 2 → 8/3, 3 → 8/3 (nearest, halves up).
        // col0: matches 2 and 2 → (8/3)·1 + (8/3)·2 = 8;  col1: matches 2, 2, four −1 → (8/3 − 4)·3 = −4;
        // col2: matches 2, 2, two −1 → (8/3 − 2)·3 = 2;    col3: matches 4, 2 → (4 − 2) + (8/3 − 2)·2 = 10/3.
        var output = Run(adcBits: 2);
        Assert.Equal(8f, output[0], 5);
        Assert.Equal(-4f, output[1], 5);
        Assert.Equal(2f, output[2], 5);
        Assert.Equal(10f / 3f, output[3], 5);
    }

    [Fact]
    public void Should_Map_Counts_To_The_Nearest_Reference_Level()
    {
        var adc = new AdcQuantizer(bits: 2, fullScale: 4);
        Assert.Equal(4.0 / 3.0, adc.Step, 12);
        Assert.Equal([0, 1, 2, 2, 3], Enumerable.Range(0, 5).Select(adc.Code));
        Assert.False(adc.IsExact);
        Assert.True(new AdcQuantizer(3, 4).IsExact);
        Assert.True(new AdcQuantizer(7, 64).IsExact);
        Assert.False(new AdcQuantizer(6, 64).IsExact);
    }

    [Fact]
    public void Should_Count_Reads_And_Conversions_Per_Plane()
    {
        var layer = Layer(adcBits: 3);
        layer.Execute(Input, new float[4]);
        Assert.Equal(2, layer.Counters.SubarrayReads);   // one block × two planes
        Assert.Equal(8, layer.Counters.Conversions);     // four columns × two planes
        Assert.Equal(4, layer.Counters.ShiftAdds);       // four columns × one extra plane
        Assert.Equal(0, layer.Counters.PartialSumAdds);  // one row block
        Assert.Equal(8, layer.Counters.RowsDriven);
    }

    [Fact]
    public void Should_Add_A_Blocks_Row_Groups_In_Its_Accumulator()
    {
        // parallel_rows 4 of 8 rows: the block's 4 weight rows are read as two groups of 2, each plane and group converted
        // on its own: 2 groups × 2 planes × 4 columns = 16 conversions, added by 3 shift-adds a column (12); one row block,
        // so no partial sum. The exact ADC keeps the dots.
        var layer = Layer(adcBits: 3, "subarray.parallel_rows=4");
        var output = new float[4];
        layer.Execute(Input, output);
        Assert.Equal([6f, -6f, 0f, 2f], output);
        Assert.Equal(4, layer.Counters.SubarrayReads);
        Assert.Equal(16, layer.Counters.Conversions);
        Assert.Equal(12, layer.Counters.ShiftAdds);
        Assert.Equal(0, layer.Counters.PartialSumAdds);
    }

    private static float[] Run(int adcBits)
    {
        var output = new float[4];
        Layer(adcBits).Execute(Input, output);
        return output;
    }

    private static CrossbarLayer Layer(int adcBits, params string[] settings)
    {
        // Subarrays of 8 rows hold 4 weights per column (two cells per weight, pair in rows).
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/tiny.yaml"),
            ["subarray.rows=8", "subarray.columns=8", $"readout.adc_bits={adcBits}", .. settings]);
        var x = new IrValue("x", new TensorShape(1, 4));
        var y = new IrValue("y", new TensorShape(1, 4));
        var node = new BinaryLinearNode("fc", "test", x, y, LinearLayout.Dense(4, 4), Weights, null, null);
        return new CrossbarLayer(node, new ValueEncoding(4, 1f, 0f), isImageInput: false, spec);
    }
}
