namespace BnnCompiler.Hardware;

public enum CellType
{
    Rram,
    Sram,
    Fefet,
}
