using BnnCompiler.Core.Units;

namespace BnnCompiler.Core.Tests;

/// <summary>The unit that keeps a figure readable, with four significant digits, on hand-computed cases.</summary>
public sealed class ScaledUnitsTests
{
    [Theory]
    [InlineData(0.0, "0 pJ")]
    [InlineData(1.234e-9, "0.001234 pJ")]
    [InlineData(5e-7, "0.5000 pJ")]
    [InlineData(1.5e-6, "1.500 pJ")]
    [InlineData(0.000987654, "987.7 pJ")]
    [InlineData(0.001234, "1.234 nJ")]
    [InlineData(0.0123456, "12.35 nJ")]
    [InlineData(1.0, "1.000 µJ")]
    [InlineData(999.94, "999.9 µJ")]
    [InlineData(2500.0, "2.500 mJ")]
    [InlineData(3.2e6, "3.200 J")]
    [InlineData(4.5e9, "4,500 J")]
    [InlineData(-0.002, "-2.000 nJ")]
    public void Should_Scale_Energy_Given_In_Microjoules(double microjoules, string expected) =>
        Assert.Equal(expected, ScaledUnits.Energy(microjoules));

    [Theory]
    [InlineData(0.0, "0 ns")]
    [InlineData(1.882, "1.882 ns")]
    [InlineData(999.0, "999.0 ns")]
    [InlineData(1308.0, "1.308 µs")]
    [InlineData(2.5e6, "2.500 ms")]
    [InlineData(7.25e9, "7.250 s")]
    public void Should_Scale_Time_Given_In_Nanoseconds(double nanoseconds, string expected) =>
        Assert.Equal(expected, ScaledUnits.Time(nanoseconds));

    [Fact]
    public void Should_Take_Milliseconds_As_The_Same_Time() =>
        Assert.Equal(ScaledUnits.Time(1308.0), ScaledUnits.TimeFromMs(0.001308));

    [Theory]
    [InlineData(0.0, "0 µm²")]
    [InlineData(4.2e-3, "4,200 µm²")]
    [InlineData(1.5e-6, "1.500 µm²")]
    [InlineData(0.0123, "0.01230 mm²")]
    [InlineData(1.969, "1.969 mm²")]
    [InlineData(123.456, "123.5 mm²")]
    public void Should_Scale_Area_Given_In_Square_Millimetres(double squareMillimetres, string expected) =>
        Assert.Equal(expected, ScaledUnits.Area(squareMillimetres));

    [Fact]
    public void Should_Keep_Four_Digits_When_Rounding_Carries_Into_The_Next_Decade() =>
        Assert.Equal("10.00 ns", ScaledUnits.Time(9.99996));
}
