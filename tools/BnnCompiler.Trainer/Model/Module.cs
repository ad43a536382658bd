using BnnCompiler.Trainer.Export;

namespace BnnCompiler.Trainer.Model;

/// <summary>
/// One layer (or a composition of layers). <see cref="Forward"/> keeps what <see cref="Backward"/> needs;
/// the returned activations stay valid until the next forward pass. Every module also writes itself as
/// ONNX nodes, so the exported graph computes exactly what <see cref="Forward"/> computes in inference mode.
/// </summary>
internal abstract class Module
{
    /// <summary>Name used for the ONNX nodes and initializers.</summary>
    public string Name { get; protected set; } = "";

    public abstract Shape OutputShape(Shape input);

    public abstract Act Forward(Act x, bool train);

    /// <summary>Back-propagates; returns the gradient of the input, or null when no input gradient is needed.</summary>
    public abstract Act? Backward(Act dy);

    public virtual IEnumerable<Param> Params() => [];

    public virtual IEnumerable<Module> Children() => [];

    /// <summary>Called once per step before the forward pass (binarized layers derive their ±1 weights here).</summary>
    public virtual void PrepareWeights()
    {
        foreach (var child in Children())
        {
            child.PrepareWeights();
        }
    }

    /// <summary>Adds the module's nodes after <paramref name="input"/>; returns the output value's name.</summary>
    public abstract string Export(OnnxExport export, string input, Shape inputShape);

    /// <summary>One line per layer for the model card.</summary>
    public virtual IEnumerable<string> Describe(Shape input)
    {
        yield return $"{GetType().Name} {input} → {OutputShape(input)}";
    }

    /// <summary>Every module of the tree, depth first, this one included.</summary>
    public IEnumerable<Module> All()
    {
        yield return this;
        foreach (var child in Children())
        {
            foreach (var m in child.All())
            {
                yield return m;
            }
        }
    }
}
