namespace BnnCompiler.Simulator.Analog;

/// <summary>A cell's fault in one trial (see <see cref="StuckAtFaultModel"/>).</summary>
public enum CellFault : byte
{
    None,
    StuckOn,
    StuckOff,
}
