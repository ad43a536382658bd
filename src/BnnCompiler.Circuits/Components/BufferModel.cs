using BnnCompiler.Circuits.Technology;
using BnnCompiler.Hardware;

namespace BnnCompiler.Circuits.Components;

/// <summary>
/// On-chip buffers. The action is one bit read or written.
/// <list type="bullet">
/// <item>Register file (NeuroSim's default): a flip-flop per bit (24 transistors) plus 4 transistors of read
/// multiplexing per bit. Write energy = the flip-flop's 24 nodes at activity ½; read energy = the mux path's 4
/// nodes plus half the flip-flop's (12), at activity ½. Access in one clock cycle. Leakage: all 28 transistors.</item>
/// <item>SRAM: a 6T cell of 146 F² (CACTI's cell) at 70 % array efficiency (decoders, sense amplifiers and
/// drivers take the rest; CACTI 6.5's typical efficiency for small banks). The bit line spans 128 cells, each
/// adding its height (a 2:1 cell, √(146/2)·F) of wire and one C_min of drain: C_BL = 128 · (√73·F · c_wire + C_min).
/// Read energy per bit = a swing of 0.1·V_dd drawn from V_dd, C_BL · 0.1·V_dd · V_dd, plus a sense amplifier
/// (10 transistors' nodes); write energy = a full swing, ½ · C_BL · V_dd². Leakage: the cell's two off
/// transistors.</item>
/// </list>
/// </summary>
public static class BufferModel
{
    public const int RegisterFileTransistorsPerBit = Gates.FlipFlopTransistors + 4;

    public const double SramCellF2 = 146;

    public const double SramArrayEfficiency = 0.7;

    public const int SramBitLineCells = 128;

    /// <summary>Cost of one bit of a buffer of the given kind.</summary>
    public static UnitCost PerBit(BufferKind kind, TechnologyNode tech)
    {
        if (kind == BufferKind.RegisterFile)
        {
            return new UnitCost(
                Gates.AreaUm2(tech, RegisterFileTransistorsPerBit),
                0.5 * Gates.SwitchingEnergyPj(tech, 4 + 0.5 * Gates.FlipFlopTransistors),
                Gates.Fo4DelayNs(tech) * 4,
                Gates.LeakageUw(tech, RegisterFileTransistorsPerBit));
        }

        var area = SramCellF2 * tech.F2Um2 / SramArrayEfficiency;
        var bitLineFf = SramBitLineCells * (Math.Sqrt(SramCellF2 / 2) * tech.FeatureSizeUm * tech.WireCapFfPerUm + Gates.MinGateCapFf(tech));
        var read = bitLineFf * tech.VddV * 0.1 * tech.VddV * 1e-3 + Gates.SwitchingEnergyPj(tech, 10);
        // Gates.LeakageUw takes half of the transistors it is given as off: 4 of them are the cell's two off transistors.
        return new UnitCost(area, read, Gates.Fo4DelayNs(tech) * 8, Gates.LeakageUw(tech, 4));
    }

    /// <summary>Energy to write one bit, in pJ (register file: the flip-flop; SRAM: a full bit-line swing).</summary>
    public static double WriteEnergyPj(BufferKind kind, TechnologyNode tech)
    {
        if (kind == BufferKind.RegisterFile)
        {
            return 0.5 * Gates.SwitchingEnergyPj(tech, Gates.FlipFlopTransistors);
        }

        var bitLineFf = SramBitLineCells * (Math.Sqrt(SramCellF2 / 2) * tech.FeatureSizeUm * tech.WireCapFfPerUm + Gates.MinGateCapFf(tech));
        return Gates.CapacitorEnergyPj(bitLineFf, tech.VddV);
    }

    /// <summary>Bits in a buffer of <paramref name="kib"/> KiB.</summary>
    public static double Bits(double kib) => kib * 1024 * 8;
}
