namespace BnnCompiler.Cli.Tests.Fuzz;

/// <summary>The classes of damage the ONNX fuzzer does to a valid model.</summary>
public enum OnnxMutation
{
    Truncate,
    ByteFlip,
    WireFormat,
    HugeDimension,
    NegativeDimension,
    Arity,
    ElementType,
    AttributeType,
    AttributeValue,
    Opset,
    IrVersion,
    DeepNesting,
    NonFinite,
    NegativeVariance,
    Cycle,
    MissingName,
    DuplicateName,
    ExternalData,
    RawDataLength,
    RemoveNode,
}
