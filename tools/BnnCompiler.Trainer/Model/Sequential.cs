using BnnCompiler.Trainer.Export;

namespace BnnCompiler.Trainer.Model;

/// <summary>Modules applied one after the other.</summary>
internal sealed class Sequential : Module
{
    private readonly List<Module> _modules;

    public Sequential(string name, IEnumerable<Module> modules)
    {
        Name = name;
        _modules = [.. modules];
    }

    public IReadOnlyList<Module> Modules => _modules;

    public override IEnumerable<Module> Children() => _modules;

    public override IEnumerable<Param> Params() => _modules.SelectMany(m => m.Params());

    public override Shape OutputShape(Shape input)
    {
        foreach (var m in _modules)
        {
            input = m.OutputShape(input);
        }

        return input;
    }

    public override Act Forward(Act x, bool train)
    {
        foreach (var m in _modules)
        {
            x = m.Forward(x, train);
        }

        return x;
    }

    public override Act? Backward(Act dy)
    {
        Act? d = dy;
        for (var i = _modules.Count - 1; i >= 0 && d is not null; i--)
        {
            d = _modules[i].Backward(d);
        }

        return d;
    }

    public override string Export(OnnxExport export, string input, Shape inputShape)
    {
        foreach (var m in _modules)
        {
            input = m.Export(export, input, inputShape);
            inputShape = m.OutputShape(inputShape);
        }

        return input;
    }

    public override IEnumerable<string> Describe(Shape input)
    {
        foreach (var m in _modules)
        {
            foreach (var line in m.Describe(input))
            {
                yield return line;
            }

            input = m.OutputShape(input);
        }
    }
}
