namespace BnnCompiler.Core.Ir.Nodes;

/// <summary>Changes the shape only (Reshape, Flatten, Squeeze, Unsqueeze); the data are unchanged.</summary>
public sealed class ReshapeNode : IrNode
{
    public ReshapeNode(string name, string origin, IrValue input, IrValue output)
        : base(name, origin, [input], [output])
    {
        if (input.Shape.ElementCount != output.Shape.ElementCount)
        {
            throw new ShapeException($"cannot reshape {input.Shape} to {output.Shape}");
        }
    }

    public override string OpName => "reshape";

    public override IrNode WithInputs(IReadOnlyList<IrValue> inputs) => new ReshapeNode(Name, Origin, inputs[0], Output);
}
