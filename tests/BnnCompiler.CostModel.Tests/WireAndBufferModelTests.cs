using BnnCompiler.Circuits.Components;
using BnnCompiler.Hardware;
using static BnnCompiler.CostModel.Tests.Hand22nmLstp;

namespace BnnCompiler.CostModel.Tests;

/// <summary><see cref="WireModel"/> and <see cref="BufferModel"/> against hand-worked values (22 nm LSTP).</summary>
public class WireAndBufferModelTests
{
    [Fact]
    public void Should_Load_A_Repeated_Wire_With_Twice_Its_Own_Capacitance()
    {
        // 2 · 0.2 fF/µm · 1000 µm = 400 fF per mm.
        Near(400, WireModel.CapFfPerMm(Tech), "c per mm");
    }

    [Fact]
    public void Should_Price_Repeated_Wire_Delay_By_Bakoglu()
    {
        // R0C0 of a minimum inverter: 43 178.7 Ω · 3 · 0.06292 fF = 8150.4 Ω·fF = 8.1504e-12 s.
        const double r0c0S = ROnOhm * 3 * CMinFf * 1e-15;

        // r·c per mm²: (13.2566 Ω/µm · 1000 µm) · (0.2 fF/µm · 1000 µm) = 13 256.6 Ω · 200 fF = 2.6513e-9 s.
        const double rcS = WireOhmPerUm * 1000 * (WireCapFfPerUm * 1000) * 1e-15;

        // 2 · √(8.1504e-12 · 2.6513e-9) = 2 · 1.4700e-10 s = 0.2940 ns per mm.
        Near(2 * Math.Sqrt(r0c0S * rcS) * 1e9, WireModel.DelayNsPerMm(Tech), "delay per mm");
        Assert.Equal(0.2940, WireModel.DelayNsPerMm(Tech), 4);
    }

    [Fact]
    public void Should_Price_Wire_Area_As_Pitch_Times_Length_Times_Bits()
    {
        // Pitch = 2 × 40 nm = 0.08 µm; 64 bits × 0.08 µm × 1.5 mm · 1000 µm/mm = 7680 µm².
        Near(0.08, Tech.WirePitchUm, "pitch");
        Near(64 * 0.08 * 1500, WireModel.AreaUm2(Tech, 64, 1.5), "64-bit bus over 1.5 mm");
    }

    [Fact]
    public void Should_Grow_Wire_Area_Energy_And_Delay_With_Length()
    {
        var lengthsMm = new[] { 0.1, 0.5, 1.0, 2.0, 5.0 };
        for (var i = 1; i < lengthsMm.Length; i++)
        {
            var shorter = lengthsMm[i - 1];
            var longer = lengthsMm[i];
            Assert.True(WireModel.AreaUm2(Tech, 32, longer) > WireModel.AreaUm2(Tech, 32, shorter), $"area {shorter}→{longer} mm");
            Assert.True(WireModel.EnergyPjPerBitMm(Tech) * longer > WireModel.EnergyPjPerBitMm(Tech) * shorter, $"energy {shorter}→{longer} mm");
            Assert.True(WireModel.DelayNsPerMm(Tech) * longer > WireModel.DelayNsPerMm(Tech) * shorter, $"delay {shorter}→{longer} mm");
        }

        // More bits over the same length take proportionally more area.
        Near(2 * WireModel.AreaUm2(Tech, 32, 1), WireModel.AreaUm2(Tech, 64, 1), "area ∝ bits");
    }

    [Fact]
    public void Should_Price_A_Register_File_Bit_From_Its_Transistors()
    {
        var bit = BufferModel.PerBit(BufferKind.RegisterFile, Tech);

        // 24 flip-flop + 4 read-mux transistors.
        Near(28 * MinTransistorUm2, bit.AreaUm2, "area");

        // Read: ½ · (4 mux + 24/2 flip-flop) nodes = ½ · 16 · 4.546e-5 pJ = 3.637e-4 pJ.
        Near(0.5 * (4 + 12) * NodePj, bit.EnergyPerActionPj, "read");

        // Write: the flip-flop's 24 nodes at activity ½ = 5.455e-4 pJ.
        Near(0.5 * 24 * NodePj, BufferModel.WriteEnergyPj(BufferKind.RegisterFile, Tech), "write");
        Near(4 * Fo4Ns, bit.LatencyNs, "latency");
        Near(28 * LeakagePerTransistorUw, bit.LeakageUw, "leakage");
    }

    // SRAM bit line: cell 146 F², 2:1, height √(146/2) F = 8.5440 · 0.022 = 0.18797 µm; per cell
    // 0.18797 µm · 0.2 fF/µm + C_min 0.06292 fF = 0.10051 fF; 128 cells = 12.866 fF.
    private static readonly double SramBitLineFf = 128 * ((Math.Sqrt(73) * 0.022 * 0.2) + CMinFf);

    [Fact]
    public void Should_Price_An_Sram_Bit_From_A_146_F2_Cell_At_70_Percent_Efficiency()
    {
        var bit = BufferModel.PerBit(BufferKind.Sram, Tech);

        // 146 · 0.022² µm² / 0.7 = 0.070664 / 0.7 = 0.100949 µm².
        Near(146 * 0.000484 / 0.7, bit.AreaUm2, "area");
        Assert.Equal(0.100949, bit.AreaUm2, 6);
        Near(8 * Fo4Ns, bit.LatencyNs, "latency");

        // Two off transistors, each 0.1 nA/µm · 0.044 µm · 0.85 V = 3.74e-6 µW.
        Near(2 * 0.1e-9 * 0.044 * 0.85 * 1e6, bit.LeakageUw, "leakage");
    }

    [Fact]
    public void Should_Price_Sram_Reads_As_A_Partial_Bit_Line_Swing_And_Writes_As_A_Full_One()
    {
        Assert.Equal(12.866, SramBitLineFf, 3);

        // Read: C_BL · (0.1 · V_dd) · V_dd = 12.866 fF · 0.085 V · 0.85 V = 0.9296 fJ, + a 10-transistor sense amplifier.
        var readPj = (SramBitLineFf * 0.085 * 0.85 * 1e-3) + (10 * NodePj);
        Near(readPj, BufferModel.PerBit(BufferKind.Sram, Tech).EnergyPerActionPj, "read");

        // Write: ½ · C_BL · V_dd² = ½ · 12.866 fF · 0.7225 V² = 4.648 fJ.
        Near(0.5 * SramBitLineFf * 0.7225 * 1e-3, BufferModel.WriteEnergyPj(BufferKind.Sram, Tech), "write");
        Assert.True(BufferModel.WriteEnergyPj(BufferKind.Sram, Tech) > BufferModel.PerBit(BufferKind.Sram, Tech).EnergyPerActionPj);
    }

    [Theory]
    [InlineData(BufferKind.RegisterFile)]
    [InlineData(BufferKind.Sram)]
    public void Should_Scale_Buffer_Area_With_Bits(BufferKind kind)
    {
        // 1 KiB = 1024 · 8 = 8192 bits.
        Near(8192, BufferModel.Bits(1), "bits in 1 KiB");
        Near(2.5 * 8192, BufferModel.Bits(2.5), "bits in 2.5 KiB");

        var perBitUm2 = BufferModel.PerBit(kind, Tech).AreaUm2;
        var previous = 0.0;
        foreach (var kib in new[] { 0.5, 1, 2, 8, 64 })
        {
            var area = BufferModel.Bits(kib) * perBitUm2;
            Assert.True(area > previous, $"{kind} area at {kib} KiB");
            Near(kib * 8192 * perBitUm2, area, $"{kind} {kib} KiB");
            previous = area;
        }
    }
}
