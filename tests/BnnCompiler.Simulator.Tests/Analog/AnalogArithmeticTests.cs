using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Hardware;
using BnnCompiler.Simulator.Analog;
using BnnCompiler.Simulator.Functional;
using BnnCompiler.Testing;

namespace BnnCompiler.Simulator.Tests.Analog;

/// <summary>Hand-computed analog reads of a 4×4 weight block with 2-bit inputs (the block of CrossbarArithmeticTests).</summary>
public sealed class AnalogArithmeticTests
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
    public void Should_Count_Matches_And_Reads_Like_The_Ideal_Layer()
    {
        // Matches per column (plane 0 + plane 1): 2+2, 2+2, 2+2, 4+2 = 18.
        var layer = Layer([]);
        var output = new float[4];
        layer.Execute(Input, output);
        Assert.Equal([6f, -6f, 0f, 2f], output);
        Assert.Equal(18, layer.Counters.MatchedCells);
        Assert.Equal(2, layer.Counters.SubarrayReads);
        Assert.Equal(8, layer.Counters.Conversions);
        Assert.Equal(8, layer.Counters.RowsDriven);
    }

    [Fact]
    public void Should_Add_One_Over_The_Ratio_Per_Driven_Off_Cell_With_A_Finite_On_Off_Ratio()
    {
        // R_on 1 kΩ, R_off 4 kΩ: every driven Off cell adds 1/4 count. Column 0 (all +1), plane 0 (x = 1,1,0,0):
        // m = 2 matches and 2 driven Off cells → 2.5 counts; plane 1 (1,0,0,1): also 2.5. The 3-bit ADC reads
        // whole counts, so 2.5 rounds up to 3 on both planes: 3 + 2·3 = 9 instead of 6 (no −1 weights).
        var layer = Layer(["cell.r_on_ohm=1000", "cell.r_off_ohm=4000", "non_idealities.finite_on_off_ratio=true"]);
        var output = new float[4];
        layer.Execute(Input, output);
        Assert.Equal(9f, output[0]);
    }

    [Fact]
    public void Should_Apply_The_Calibrated_Gain_And_Offset_As_The_Trim_Words_Hold_Them()
    {
        // The 3-bit ADC reads 4-row blocks exactly (Δ = 1 count). Fitted a = 0.8 is held as 102/128 (0.8·128 = 102.4);
        // o = 0.3 count = 0.3 LSB as 2/8 LSB; o = −20.2 LSB saturates at −16; a = 2.5 at 255/128. The ADC's input
        // level is then (c − o)/a + ½: Scale = 1/a, Bias = ½ − o/a.
        var layer = Layer([]);
        var slots = layer.Readout.Scale.Length;
        var gain = Enumerable.Repeat(0.8, slots).ToArray();
        var offset = Enumerable.Repeat(0.3, slots).ToArray();
        (gain[1], offset[1]) = (2.5, -20.2);
        layer.Readout.Calibrate(layer.Cells, gain, offset);
        Assert.Equal((float)(128.0 / 102), layer.Readout.Scale[0]);
        Assert.Equal((float)(0.5 - (0.25 * 128 / 102)), layer.Readout.Bias[0]);
        Assert.Equal((float)(128.0 / 255), layer.Readout.Scale[1]);
        Assert.Equal((float)(0.5 + (16.0 * 128 / 255)), layer.Readout.Bias[1]);
    }

    private static AnalogCrossbarLayer Layer(string[] settings)
    {
        // Subarrays of 8 rows hold 4 weights per column (two cells per weight, pair in rows).
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/tiny.yaml"),
            ["subarray.rows=8", "subarray.columns=8", "readout.adc_bits=3", .. settings]);
        var x = new IrValue("x", new TensorShape(1, 4));
        var y = new IrValue("y", new TensorShape(1, 4));
        var node = new BinaryLinearNode("fc", "test", x, y, LinearLayout.Dense(4, 4), Weights, null, null);
        return new AnalogCrossbarLayer(node, new ValueEncoding(4, 1f, 0f), isImageInput: false, spec, trial: 0);
    }
}
