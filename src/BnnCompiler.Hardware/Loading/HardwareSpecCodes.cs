namespace BnnCompiler.Hardware;

/// <summary>The diagnostic codes of hardware specs (BNN2xxx); docs/hwspec.md lists the same table.</summary>
public static class HardwareSpecCodes
{
    public const string FileNotFound = "BNN2001";
    public const string YamlSyntax = "BNN2002";
    public const string Version = "BNN2003";
    public const string OutOfRange = "BNN2004";
    public const string UnknownKey = "BNN2005";
    public const string WrongType = "BNN2006";
    public const string NotAChoice = "BNN2007";
    public const string DuplicateKey = "BNN2008";
    public const string Inconsistent = "BNN2009";
    public const string BadOverride = "BNN2010";
    public const string TooLarge = "BNN2011";

    /// <summary>Every code with what it means, for the documentation.</summary>
    public static IReadOnlyList<(string Code, string Meaning)> All { get; } =
    [
        (FileNotFound, "The spec file does not exist or cannot be read (also: hwspecs/default.yaml not found)."),
        (YamlSyntax, "The file is not YAML (syntax error at its line), holds more than one document, or its top level is not a mapping of keys."),
        (Version, "`version` is missing or is not a version this tool reads (1)."),
        (OutOfRange, "A value has the right type but lies outside what the key allows (range, power of two)."),
        (UnknownKey, "A key (in the file or in `--set`) that the schema does not have; the nearest valid key is suggested."),
        (WrongType, "A value of the wrong type (text where a number belongs, a mapping where a value belongs, an empty value), or a section that is not a mapping."),
        (NotAChoice, "A word that is not one of the key's choices; the nearest choice is suggested."),
        (DuplicateKey, "The same key given twice in one mapping."),
        (Inconsistent, "Values that are each valid but contradict each other (R_off not above R_on, columns per ADC above the columns, a fixed clock without a period, …)."),
        (BadOverride, "A `--set` item that is not `key.path=value`, or that names a section or `version`."),
        (TooLarge, "The file is larger than a spec can be (1 MiB), or nests mappings and sequences deeper than 32 levels; checked before any of it is built."),
    ];
}
