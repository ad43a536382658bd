namespace BnnCompiler.Hardware.Tests;

/// <summary>
/// The read plan a calibrated chip gets around IR drop, by hand from λ = √(R_on / r): R_on 6 kΩ, 128 × 128 subarrays.
/// </summary>
public sealed class IrDropReadPlanTests
{
    private static HardwareSpec Spec(params string[] overrides) =>
        TestSupport.Parse("version: 1\nsubarray:\n  spare_columns: 8\n", ["repair.mode=map+spares+calibrate", .. overrides]);

    [Theory]
    [InlineData(6.0, 64, 16)]   // λ = 31.6: 2λ = 63.2 → 64 columns, λ/2 = 15.8 → 16 rows a read
    [InlineData(3.0, 64, 16)]   // λ = 44.7: 2λ = 89.4 → 64 (log2 6.48), λ/2 = 22.4 → 16 (log2 4.48)
    [InlineData(2.0, 128, 32)]  // λ = 54.8: 2λ = 109.5 → 128, λ/2 = 27.4 → 32 (log2 4.78)
    [InlineData(1.0, 128, 128)] // λ = 77.5 ≥ 64: the spec's reads
    [InlineData(0.0, 128, 128)] // no IR drop
    public void Should_Cap_Columns_And_Group_Rows_From_The_Decay_Length(double wireOhm, int columns, int parallelRows)
    {
        var spec = Spec($"non_idealities.ir_drop.wire_resistance_ohm={wireOhm}");
        Assert.Equal(columns, spec.UsedColumns);
        Assert.Equal(parallelRows, spec.Subarray.ParallelRows);
        Assert.Equal(128, spec.Subarray.Columns);
        Assert.Equal(wireOhm >= 2, IrDropReadPlan.ShortDecay(spec));
    }

    [Fact]
    public void Should_Leave_Given_Keys_And_Uncalibrated_Chips_Alone()
    {
        var given = Spec("non_idealities.ir_drop.wire_resistance_ohm=6", "repair.max_columns=all", "subarray.parallel_rows=64");
        Assert.Equal((128, 64), (given.UsedColumns, given.Subarray.ParallelRows));
        var mapped = TestSupport.Parse("version: 1\nsubarray:\n  spare_columns: 8\n", ["repair.mode=map+spares", "non_idealities.ir_drop.wire_resistance_ohm=6"]);
        Assert.Equal((128, 128), (mapped.UsedColumns, mapped.Subarray.ParallelRows));
        Assert.Equal(6, IrDropReadPlan.DecayCells(6000, 166.66666666666666), 9);
    }
}
