namespace BnnCompiler.Hardware;

public enum AccessDevice
{
    /// <summary>One access transistor per cell (1T1R); FeFET and SRAM cells always have one.</summary>
    Transistor,

    /// <summary>No access device: a 0T1R cross-point array (RRAM only).</summary>
    None,
}
