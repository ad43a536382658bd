namespace BnnCompiler.Core.Ir.Nodes;

/// <summary>Permutes axes: output axis i is input axis Perm[i].</summary>
public sealed class TransposeNode : IrNode
{
    public TransposeNode(string name, string origin, IrValue input, IrValue output, int[] perm)
        : base(name, origin, [input], [output])
    {
        Perm = perm;
    }

    public int[] Perm { get; }

    public override string OpName => "transpose";

    public override IrNode WithInputs(IReadOnlyList<IrValue> inputs) => new TransposeNode(Name, Origin, inputs[0], Output, Perm);

    public override string Describe() => $"perm=[{string.Join(",", Perm)}]";
}
