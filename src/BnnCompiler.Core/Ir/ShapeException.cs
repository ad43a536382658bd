namespace BnnCompiler.Core.Ir;

/// <summary>
/// Raised by shape inference when a node's operands do not fit together; the importer turns it into a
/// diagnostic that names the ONNX node.
/// </summary>
public sealed class ShapeException(string message) : Exception(message);
