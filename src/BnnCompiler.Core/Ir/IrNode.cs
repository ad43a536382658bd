namespace BnnCompiler.Core.Ir;

/// <summary>
/// One operation of the IR. Nodes are immutable once built: a pass replaces nodes rather than editing
/// them. <see cref="Origin"/> names the ONNX node(s) it came from, for diagnostics and reports.
/// </summary>
public abstract class IrNode
{
    protected IrNode(string name, string origin, IReadOnlyList<IrValue> inputs, IReadOnlyList<IrValue> outputs)
    {
        Name = name;
        Origin = origin;
        Inputs = inputs;
        Outputs = outputs;
    }

    public string Name { get; }

    /// <summary>The source of the node, e.g. "Conv 'conv1'" or "MatMul 'MatMul_16' + BatchNormalization 'bn'".</summary>
    public string Origin { get; }

    public IReadOnlyList<IrValue> Inputs { get; }

    public IReadOnlyList<IrValue> Outputs { get; }

    public IrValue Output => Outputs[0];

    /// <summary>Short operation name for printing, e.g. "binary_linear".</summary>
    public abstract string OpName { get; }

    /// <summary>The same operation reading other values of the same shapes (used when a pass rewires).</summary>
    public abstract IrNode WithInputs(IReadOnlyList<IrValue> inputs);

    /// <summary>One-line description of the node's parameters for the IR printer.</summary>
    public virtual string Describe() => string.Empty;

    public override string ToString()
    {
        var detail = Describe();
        var outputs = string.Join(", ", Outputs);
        var inputs = string.Join(", ", Inputs.Select(v => v.IsConstant ? $"const{v.Shape}" : v.ToString()));
        return $"{outputs} = {OpName}({inputs}){(detail.Length > 0 ? " " + detail : string.Empty)}";
    }
}
