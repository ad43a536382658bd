namespace BnnCompiler.Hardware;

public enum BufferKind
{
    RegisterFile,
    Sram,
}
