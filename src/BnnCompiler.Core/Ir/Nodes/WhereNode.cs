namespace BnnCompiler.Core.Ir.Nodes;

/// <summary>y = cond ≠ 0 ? a : b elementwise with broadcasting.</summary>
public sealed class WhereNode : IrNode
{
    public WhereNode(string name, string origin, IrValue condition, IrValue a, IrValue b, IrValue output)
        : base(name, origin, [condition, a, b], [output])
    {
    }

    public override string OpName => "where";

    public override IrNode WithInputs(IReadOnlyList<IrValue> inputs) => new WhereNode(Name, Origin, inputs[0], inputs[1], inputs[2], Output);
}
