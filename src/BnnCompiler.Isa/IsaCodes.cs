namespace BnnCompiler.Isa;

/// <summary>Diagnostic codes of the mapped-program reader (BNN6xxx); docs/timing.md explains each.</summary>
public static class IsaCodes
{
    /// <summary>The file is not a mapped program, or its format version is not one this tool reads.</summary>
    public const string NotAProgram = "BNN6001";

    /// <summary>A line does not parse: an unknown directive or mnemonic, a token that is not key=value, an unclosed quote.</summary>
    public const string Syntax = "BNN6002";

    /// <summary>A required operand is missing, or an operand is not one the directive or instruction takes.</summary>
    public const string Operand = "BNN6003";

    /// <summary>An operand's value is malformed or out of range (a negative count, an unknown enum name).</summary>
    public const string Value = "BNN6004";

    /// <summary>The structure is wrong: an instruction outside a block, a dependency on a later instruction, an index
    /// out of sequence, a missing <c>end</c>, stages or copies out of order.</summary>
    public const string Structure = "BNN6005";
}
