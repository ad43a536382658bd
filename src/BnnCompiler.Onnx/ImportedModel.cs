using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Core.Ir;
using Onnx;

namespace BnnCompiler.Onnx;

/// <summary>A model read from a file: its ONNX form (for the reference), its canonical IR, its dialect, and the import's warnings.</summary>
public sealed record ImportedModel(string Path, ModelProto Onnx, IrGraph Graph, string Dialect,
    IReadOnlyDictionary<string, TensorShape> ValueShapes)
{
    /// <summary>Warnings the import raised (e.g. BNN3027, a BatchNormalization channel with scale 0).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>How many recognition pass runs changed the graph (each followed by the requested checks).</summary>
    public int PassRuns { get; init; }
}
