namespace BnnCompiler.Core.Ir;

/// <summary>
/// A tensor flowing between IR nodes: a name, a static shape, and constant data when known at compile
/// time (weights, folded shape computations). All data are float32; comparisons yield 0 and 1.
/// </summary>
public sealed class IrValue
{
    public IrValue(string name, TensorShape shape, float[]? constant = null)
    {
        if (constant is not null && constant.Length != shape.ElementCount)
        {
            throw new ShapeException($"constant '{name}' has {constant.Length} values but shape {shape}");
        }

        Name = name;
        Shape = shape;
        Constant = constant;
    }

    public string Name { get; }

    public TensorShape Shape { get; }

    /// <summary>The value's data when it is a compile-time constant, else null.</summary>
    public float[]? Constant { get; }

    public bool IsConstant => Constant is not null;

    /// <summary>The single value of a constant with one element, else null.</summary>
    public float? ScalarConstant => Constant is { Length: 1 } c ? c[0] : null;

    public override string ToString() => $"%{Name}{Shape}";
}
