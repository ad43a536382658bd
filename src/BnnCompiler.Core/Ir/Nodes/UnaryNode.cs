namespace BnnCompiler.Core.Ir.Nodes;

/// <summary>
/// y = f(x) elementwise in float32 (Softmax and LogSoftmax over the last axis; Clip between
/// <see cref="Min"/> and <see cref="Max"/>).
/// </summary>
public sealed class UnaryNode : IrNode
{
    public UnaryNode(string name, string origin, UnaryOp op, IrValue input, IrValue output, float min = float.NegativeInfinity, float max = float.PositiveInfinity)
        : base(name, origin, [input], [output])
    {
        Op = op;
        Min = min;
        Max = max;
    }

    public UnaryOp Op { get; }

    public float Min { get; }

    public float Max { get; }

    public override string OpName => Op.ToString().ToLowerInvariant();

    public override IrNode WithInputs(IReadOnlyList<IrValue> inputs) => new UnaryNode(Name, Origin, Op, inputs[0], Output, Min, Max);

    public override string Describe() => Op == UnaryOp.Clip ? $"[{Min}, {Max}]" : string.Empty;
}
