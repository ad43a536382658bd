namespace BnnCompiler.Cli.Tests.Fuzz;

/// <summary>The classes of damage the spec fuzzer does to a valid hardware spec.</summary>
public enum SpecMutation
{
    Truncate,
    ByteFlip,
    DeepNesting,
    HugeNumber,
    NegativeNumber,
    NonFinite,
    DuplicateKey,
    UnknownKey,
    WrongType,
    MultipleDocuments,
    Tabs,
    AliasChain,
    Oversize,
    Garbage,
    EmptyValue,
}
