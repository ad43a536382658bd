using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Ir.Nodes;
using BnnCompiler.Core.Randomness;
using BnnCompiler.Hardware;
using BnnCompiler.Simulator.Analog;
using BnnCompiler.Testing;

namespace BnnCompiler.Simulator.Tests.Analog;

/// <summary>ADC offset, gain error and their per-instance draws, alone and inside a layer.</summary>
public sealed class AdcModelTests
{
    [Theory]
    [InlineData(0.0, 1.0, 10.0, 10)]   // ideal, exact ADC
    [InlineData(1.0, 1.0, 10.0, 11)]   // +1 LSB offset: one code up
    [InlineData(-2.0, 1.0, 10.0, 8)]   // −2 LSB: two codes down
    [InlineData(0.4, 1.0, 10.0, 10)]   // below half an LSB: no change
    [InlineData(0.6, 1.0, 10.0, 11)]   // above half an LSB: one code up
    [InlineData(0.0, 1.05, 32.0, 34)]  // +5 % gain: 33.6 → 34
    [InlineData(-3.0, 1.0, 1.0, 0)]    // clipped at code 0
    [InlineData(3.0, 1.0, 62.0, 63)]   // clipped at the top code
    public void Should_Shift_Codes_By_Offset_And_Scale_Them_By_Gain(double offsetLsb, double gain, double count, int code)
    {
        Assert.Equal(code, AdcErrorModel.Code(count, new AdcInstance(offsetLsb, gain), step: 1.0, top: 63, noiseLsb: 0));
    }

    [Fact]
    public void Should_Shift_Codes_In_Units_Of_The_Level_Spacing()
    {
        // 3 bits over 28 rows: Δ = 4; count 12 is code 3; +1 LSB moves the read by Δ, to code 4 (16 counts).
        Assert.Equal(3, AdcErrorModel.Code(12, AdcInstance.Ideal, step: 4.0, top: 7, noiseLsb: 0));
        Assert.Equal(4, AdcErrorModel.Code(12, new AdcInstance(1.0, 1.0), step: 4.0, top: 7, noiseLsb: 0));
    }

    [Fact]
    public void Should_Draw_Offsets_And_Gains_With_The_Given_Spread()
    {
        var model = new AdcErrorModel(OffsetSigmaLsb: 0.5, GainErrorSigma: 0.02, NoiseSigmaLsb: 0);
        var random = new SplitMix64(11);
        var adcs = Enumerable.Range(0, 20_000).Select(_ => model.Draw(random)).ToArray();
        static double Deviation(double[] v)
        {
            var mean = v.Average();
            return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
        }

        var tolerance = 4 / Math.Sqrt(2.0 * adcs.Length);
        Assert.InRange(Deviation(adcs.Select(a => a.OffsetLsb).ToArray()), 0.5 * (1 - tolerance), 0.5 * (1 + tolerance));
        Assert.InRange(Deviation(adcs.Select(a => a.Gain).ToArray()), 0.02 * (1 - tolerance), 0.02 * (1 + tolerance));
        Assert.InRange(adcs.Average(a => a.Gain), 1 - 0.001, 1 + 0.001);
    }

    [Fact]
    public void Should_Apply_Each_ADCs_Offset_To_The_Columns_It_Reads()
    {
        // The 4×4 block of AnalogArithmeticTests (matches per plane: col0 2,2; col1 2,2; col2 2,2; col3 4,2), a 3-bit
        // ADC that reads every count, two columns per ADC (columns 0–1 share one ADC, 2–3 the other).
        var spec = HardwareSpecLoader.Load(RepoPaths.Repo("hwspecs/tiny.yaml"),
            ["subarray.rows=8", "subarray.columns=8", "readout.adc_bits=3", "readout.columns_per_adc=2", "non_idealities.adc.offset_sigma_lsb=1.5"]);
        var node = new BinaryLinearNode("fc", "test", new IrValue("x", new TensorShape(1, 4)), new IrValue("y", new TensorShape(1, 4)),
            LinearLayout.Dense(4, 4), [1, 1, 1, 1, -1, -1, -1, -1, 1, -1, 1, -1, 1, 1, -1, -1], null, null);
        var layer = new AnalogCrossbarLayer(node, new ValueEncoding(4, 1f, 0f), isImageInput: false, spec, trial: 0);
        var output = new float[4];
        layer.Execute([3, 1, 0, 2], output);

        var adcs = layer.Cells.Adcs;
        Assert.Equal(adcs[0], adcs[1]);
        Assert.Equal(adcs[2], adcs[3]);
        Assert.NotEqual(adcs[0], adcs[2]);
        int Read(int m, int col) => Math.Clamp((int)Math.Floor(m + adcs[col].OffsetLsb + 0.5), 0, 7);
        int[][] matches = [[2, 2], [2, 2], [2, 2], [4, 2]];
        int[] negatives = [0, 4, 2, 2];
        for (var col = 0; col < 4; col++)
        {
            var expected = Read(matches[col][0], col) - negatives[col] + (2 * (Read(matches[col][1], col) - negatives[col]));
            Assert.Equal(expected, output[col]);
        }
    }
}
