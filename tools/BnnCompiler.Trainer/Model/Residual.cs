using BnnCompiler.Trainer.Export;

namespace BnnCompiler.Trainer.Model;

/// <summary>A real-valued shortcut around a body: y = x + body(x) (ONNX Add).</summary>
internal sealed class Residual : Module
{
    private readonly Sequential _body;
    private float[]? _out;
    private float[]? _dx;

    public Residual(string name, IEnumerable<Module> body)
    {
        Name = name;
        _body = new Sequential(name + ".body", body);
    }

    public override IEnumerable<Module> Children() => [_body];

    public override IEnumerable<Param> Params() => _body.Params();

    public override Shape OutputShape(Shape input) => input;

    public override Act Forward(Act x, bool train)
    {
        var b = _body.Forward(x, train);
        var y = new Act(Buffers.Get(ref _out, (long)x.N * x.Size), x.N, x.C, x.H, x.W);
        var len = x.N * x.Size;
        System.Numerics.Tensors.TensorPrimitives.Add(x.Data.AsSpan(0, len), b.Data.AsSpan(0, len), y.Data.AsSpan(0, len));
        return y;
    }

    public override Act? Backward(Act dy)
    {
        var db = _body.Backward(dy) ?? throw new InvalidOperationException("a residual body must pass its gradient on");
        var dx = new Act(Buffers.Get(ref _dx, (long)dy.N * dy.Size), dy.N, dy.C, dy.H, dy.W);
        var len = dy.N * dy.Size;
        System.Numerics.Tensors.TensorPrimitives.Add(dy.Data.AsSpan(0, len), db.Data.AsSpan(0, len), dx.Data.AsSpan(0, len));
        return dx;
    }

    public override string Export(OnnxExport export, string input, Shape inputShape)
    {
        var body = _body.Export(export, input, inputShape);
        return export.Builder.Node("Add", [input, body], name: Name + ".add");
    }

    public override IEnumerable<string> Describe(Shape input)
    {
        yield return $"{Name}: residual block, x + body(x) with a real-valued shortcut:";
        foreach (var line in _body.Describe(input))
        {
            yield return "  " + line;
        }
    }
}
