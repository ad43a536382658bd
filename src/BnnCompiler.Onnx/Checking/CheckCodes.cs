namespace BnnCompiler.Onnx.Checking;

/// <summary>Diagnostic codes of the ONNX checker and of the parameter sanity checks.</summary>
public static class CheckCodes
{
    /// <summary>IR version or opset outside the supported range (shared with the loader).</summary>
    public const string Version = "BNN3005";

    /// <summary>A node with too few or too many inputs or outputs for its operator.</summary>
    public const string Arity = "BNN3020";

    /// <summary>An attribute the operator does not define, of the wrong type, given twice, or missing.</summary>
    public const string Attribute = "BNN3021";

    /// <summary>Element types that disagree where the operator's schema ties them, or a type the operator does not take.</summary>
    public const string ElementType = "BNN3022";

    /// <summary>A tensor or value whose type, dimensions, element count or data length is wrong or over a cap.</summary>
    public const string Tensor = "BNN3023";

    /// <summary>A name defined twice (two initializers, two node outputs, an output that shadows an input).</summary>
    public const string DuplicateName = "BNN3024";

    /// <summary>An operator not defined at the model's opset.</summary>
    public const string OperatorVersion = "BNN3025";

    /// <summary>NaN or infinite weights or parameters, a negative variance.</summary>
    public const string Parameter = "BNN3026";

    /// <summary>Warning: a BatchNormalization channel whose scale is 0 (a constant output).</summary>
    public const string ZeroScale = "BNN3027";
}
