namespace BnnCompiler.Core.Analysis;

/// <summary>One row of the layer table: what a node computes, its shapes, its lowered matrix and its size.</summary>
public sealed record LayerInfo(
    string Name,
    string Kind,
    string Op,
    string InputShape,
    string OutputShape,
    int Rows,
    int Columns,
    long Macs,
    long Parameters,
    int InputBits,
    string InputEncoding,
    string Origin);
