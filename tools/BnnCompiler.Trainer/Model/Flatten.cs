using BnnCompiler.Trainer.Export;

namespace BnnCompiler.Trainer.Model;

/// <summary>NCHW → N×(C·H·W), channel-major, as ONNX Flatten(axis = 1).</summary>
internal sealed class Flatten : Module
{
    private Act? _x;

    public Flatten(string name) => Name = name;

    public override Shape OutputShape(Shape input) => new(input.Size, 1, 1);

    public override Act Forward(Act x, bool train)
    {
        _x = x;
        return new Act(x.Data, x.N, x.Size, 1, 1);
    }

    public override Act? Backward(Act dy)
    {
        var x = _x!;
        return new Act(dy.Data, x.N, x.C, x.H, x.W);
    }

    public override string Export(OnnxExport export, string input, Shape inputShape) =>
        export.Builder.Node("Flatten", [input], new Dictionary<string, object> { ["axis"] = 1L }, name: Name);

    public override IEnumerable<string> Describe(Shape input)
    {
        yield return $"{Name}: Flatten ({input} → {input.Size})";
    }
}
