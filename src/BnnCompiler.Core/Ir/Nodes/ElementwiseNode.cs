namespace BnnCompiler.Core.Ir.Nodes;

/// <summary>y = a ∘ b elementwise with NumPy broadcasting, computed in float32 exactly as ONNX Runtime does.</summary>
public sealed class ElementwiseNode : IrNode
{
    public ElementwiseNode(string name, string origin, ElementwiseOp op, IrValue a, IrValue b, IrValue output)
        : base(name, origin, [a, b], [output])
    {
        Op = op;
    }

    public ElementwiseOp Op { get; }

    public override string OpName => Op.ToString().ToLowerInvariant();

    public override IrNode WithInputs(IReadOnlyList<IrValue> inputs) =>
        new ElementwiseNode(Name, Origin, Op, inputs[0], inputs[1], Output);

    /// <summary>The broadcast shape of two operands (NumPy rules).</summary>
    public static TensorShape BroadcastShape(TensorShape a, TensorShape b)
    {
        var rank = Math.Max(a.Rank, b.Rank);
        var dims = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var da = i < rank - a.Rank ? 1 : a[i - (rank - a.Rank)];
            var db = i < rank - b.Rank ? 1 : b[i - (rank - b.Rank)];
            if (da != db && da != 1 && db != 1)
            {
                throw new ShapeException($"shapes {a} and {b} do not broadcast");
            }

            dims[i] = da == 1 ? db : da;
        }

        return new TensorShape(dims);
    }
}
