using BnnCompiler.Core.Ir;
using Onnx;

namespace BnnCompiler.Onnx;

/// <summary>A model read from a file: its ONNX form (for the reference), its canonical IR, and its dialect.</summary>
public sealed record ImportedModel(string Path, ModelProto Onnx, IrGraph Graph, string Dialect,
    IReadOnlyDictionary<string, TensorShape> ValueShapes);
