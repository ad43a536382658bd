namespace BnnCompiler.Core.Ir.Nodes;

/// <summary>Concatenation along one axis.</summary>
public sealed class ConcatNode : IrNode
{
    public ConcatNode(string name, string origin, IReadOnlyList<IrValue> inputs, IrValue output, int axis)
        : base(name, origin, inputs, [output])
    {
        Axis = axis;
    }

    public int Axis { get; }

    public override string OpName => "concat";

    public override IrNode WithInputs(IReadOnlyList<IrValue> inputs) => new ConcatNode(Name, Origin, inputs, Output, Axis);

    public override string Describe() => $"axis={Axis}";
}
