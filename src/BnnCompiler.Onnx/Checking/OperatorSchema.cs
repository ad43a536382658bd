using Onnx;

namespace BnnCompiler.Onnx.Checking;

/// <summary>
/// One version of a standard operator as the ONNX operator documentation defines it: from which opset it holds,
/// how many inputs and outputs it takes, its attributes with their types (required ones marked), and which inputs
/// share the type variable <c>T</c> (null: all of them) and whether output 0 has it too.
/// </summary>
public sealed record OperatorSchema(
    string OpType,
    int SinceVersion,
    int MinInputs,
    int MaxInputs,
    int MinOutputs,
    int MaxOutputs,
    IReadOnlyDictionary<string, AttributeProto.Types.AttributeType> Attributes,
    IReadOnlySet<string> RequiredAttributes,
    IReadOnlyList<int>? TiedInputs,
    bool OutputTied);
